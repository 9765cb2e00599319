-- Hazards: none

SET check_function_bodies = off;

SET lock_timeout = '3s';
SET statement_timeout = '10s';
CREATE OR REPLACE PROCEDURE public.purge_audit_events(IN keep_days integer)
 LANGUAGE sql
AS $procedure$ DELETE FROM audit_events WHERE created_at < now() - make_interval(days => keep_days) $procedure$;

RESET lock_timeout;
RESET statement_timeout;
RESET check_function_bodies;
