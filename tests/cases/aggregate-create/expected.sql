-- Hazards: none

SET check_function_bodies = off;

SET lock_timeout = '3s';
SET statement_timeout = '10s';
CREATE OR REPLACE FUNCTION public.product_step(state numeric, value numeric)
 RETURNS numeric
 LANGUAGE sql
 IMMUTABLE STRICT
AS $function$ SELECT state * value $function$;

CREATE AGGREGATE "public"."product"(numeric) (
    SFUNC = product_step,
    STYPE = numeric,
    INITCOND = '1'
);

RESET lock_timeout;
RESET statement_timeout;
RESET check_function_bodies;
