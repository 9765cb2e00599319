-- Hazards: HAS_UNTRACKABLE_DEPENDENCIES

SET check_function_bodies = off;

-- HAS_UNTRACKABLE_DEPENDENCIES: callers of public.annual_salary(monthly numeric) are not tracked by PostgreSQL: check them against the new definition
SET lock_timeout = '3s';
SET statement_timeout = '10s';
CREATE OR REPLACE FUNCTION public.annual_salary(monthly numeric)
 RETURNS numeric
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT monthly * 13 $function$;

RESET lock_timeout;
RESET statement_timeout;
RESET check_function_bodies;
