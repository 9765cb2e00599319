-- Hazards: HAS_UNTRACKABLE_DEPENDENCIES

SET check_function_bodies = off;

-- HAS_UNTRACKABLE_DEPENDENCIES: callers of public.purge_audit_events(IN keep_days integer) are not tracked by PostgreSQL: check them against the new definition
SET lock_timeout = '3s';
SET statement_timeout = '10s';
CREATE OR REPLACE PROCEDURE public.purge_audit_events(IN keep_days integer)
 LANGUAGE plpgsql
AS $procedure$
BEGIN
  DELETE FROM audit_events WHERE created_at < now() - make_interval(days => keep_days);
  COMMIT;
END;
$procedure$;

RESET lock_timeout;
RESET statement_timeout;
RESET check_function_bodies;
