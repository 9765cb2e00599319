-- Hazards: HAS_UNTRACKABLE_DEPENDENCIES

SET check_function_bodies = off;

-- HAS_UNTRACKABLE_DEPENDENCIES: callers of public.add_tax(amount numeric) in function bodies are not tracked
SET lock_timeout = '3s';
SET statement_timeout = '10s';
DROP FUNCTION "public"."add_tax"(amount numeric);

CREATE OR REPLACE FUNCTION public.add_tax(amount numeric)
 RETURNS double precision
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT (amount * 1.20)::double precision $function$;

RESET lock_timeout;
RESET statement_timeout;
RESET check_function_bodies;
