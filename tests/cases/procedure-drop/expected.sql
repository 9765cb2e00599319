-- Hazards: HAS_UNTRACKABLE_DEPENDENCIES

-- HAS_UNTRACKABLE_DEPENDENCIES: callers of public.purge_audit_events(IN keep_days integer) in function bodies are not tracked
SET lock_timeout = '3s';
SET statement_timeout = '10s';
DROP PROCEDURE "public"."purge_audit_events"(IN keep_days integer);

RESET lock_timeout;
RESET statement_timeout;
