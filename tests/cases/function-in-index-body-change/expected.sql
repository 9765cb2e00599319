-- Hazards: HAS_UNTRACKABLE_DEPENDENCIES

SET check_function_bodies = off;

-- HAS_UNTRACKABLE_DEPENDENCIES: callers of public.normalize_email(email text) are not tracked by PostgreSQL: check them against the new definition
SET lock_timeout = '3s';
SET statement_timeout = '10s';
CREATE OR REPLACE FUNCTION public.normalize_email(email text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT lower(btrim(email, ' .')) $function$;

RESET lock_timeout;
RESET statement_timeout;
RESET check_function_bodies;
