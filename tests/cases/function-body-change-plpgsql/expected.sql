-- Hazards: HAS_UNTRACKABLE_DEPENDENCIES

SET check_function_bodies = off;

-- HAS_UNTRACKABLE_DEPENDENCIES: callers of public.greeting(who text) are not tracked by PostgreSQL: check them against the new definition
SET lock_timeout = '3s';
SET statement_timeout = '10s';
CREATE OR REPLACE FUNCTION public.greeting(who text)
 RETURNS text
 LANGUAGE plpgsql
 STABLE
AS $function$
BEGIN
  RETURN 'Hello, ' || coalesce(who, 'stranger') || '!';
END;
$function$;

RESET lock_timeout;
RESET statement_timeout;
RESET check_function_bodies;
