-- Hazards: HAS_UNTRACKABLE_DEPENDENCIES

SET check_function_bodies = off;

-- HAS_UNTRACKABLE_DEPENDENCIES: callers of public.current_tenant() are not tracked by PostgreSQL: check them against the new definition
SET lock_timeout = '3s';
SET statement_timeout = '10s';
CREATE OR REPLACE FUNCTION public.current_tenant()
 RETURNS integer
 LANGUAGE sql
 STABLE SECURITY DEFINER
AS $function$ SELECT nullif(current_setting('app.tenant_id', true), '')::integer $function$;

RESET lock_timeout;
RESET statement_timeout;
RESET check_function_bodies;
