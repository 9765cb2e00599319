-- Run on the target with the source session's pid and start time: a row means the target
-- server sees the source session, in the target's own database.
SELECT datname = current_database() AS same_database
FROM pg_stat_activity
WHERE pid = $PID AND backend_start = $START::timestamptz
