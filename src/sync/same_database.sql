-- Run on the target while the source session holds the session-level advisory lock on the
-- random bigint key (high and low 32 bits below): a row means the target's own database is where
-- that lock is held, by the source's backend. pg_locks shows the locks of every session, whatever
-- role it runs as (unlike the details of pg_stat_activity), so this holds for any target role.
SELECT EXISTS (
  SELECT 1
  FROM pg_locks
  WHERE locktype = 'advisory'
    AND classid = $CLASSID::oid
    AND objid = $OBJID::oid
    AND objsubid = 1
    AND granted
    AND pid = $PID
    AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
) AS same_database
