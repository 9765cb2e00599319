-- Hazards: HAS_UNTRACKABLE_DEPENDENCIES

SET check_function_bodies = off;

-- HAS_UNTRACKABLE_DEPENDENCIES: callers of public.product(numeric) in function bodies are not tracked
SET lock_timeout = '3s';
SET statement_timeout = '10s';
DROP AGGREGATE "public"."product"(numeric);

CREATE OR REPLACE FUNCTION public.product_final(state numeric)
 RETURNS numeric
 LANGUAGE sql
 IMMUTABLE STRICT
AS $function$ SELECT round(state, 4) $function$;

CREATE AGGREGATE "public"."product"(numeric) (
    SFUNC = product_step,
    STYPE = numeric,
    FINALFUNC = product_final,
    INITCOND = '1.0'
);

RESET lock_timeout;
RESET statement_timeout;
RESET check_function_bodies;
