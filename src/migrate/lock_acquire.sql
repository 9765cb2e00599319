-- Waits for the session-level advisory lock at most lock_timeout. SET LOCAL keeps both settings
-- to this one transaction, so the session's own values are back once it ends; the session lock
-- outlives the COMMIT. Placeholders: lock_timeout (quoted literal), class_id, lock_id (numbers).
BEGIN;
SET LOCAL lock_timeout = {lock_timeout};
SET LOCAL statement_timeout = 0;
SELECT pg_advisory_lock({class_id}, {lock_id});
COMMIT
