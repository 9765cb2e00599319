-- Hazards: HAS_UNTRACKABLE_DEPENDENCIES

SET check_function_bodies = off;

-- HAS_UNTRACKABLE_DEPENDENCIES: callers of public.today_label() are not tracked by PostgreSQL: check them against the new definition
SET lock_timeout = '3s';
SET statement_timeout = '10s';
CREATE OR REPLACE FUNCTION public.today_label()
 RETURNS text
 LANGUAGE sql
 STABLE STRICT
AS $function$ SELECT to_char(now(), 'YYYY-MM-DD') $function$;

RESET lock_timeout;
RESET statement_timeout;
RESET check_function_bodies;
