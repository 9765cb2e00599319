-- The session holding the advisory lock (class_id, lock_id) in this database, if any: granted
-- locks only (waiters are listed in pg_locks too). Placeholders: class_id, lock_id (numbers).
SELECT a.pid,
       COALESCE(a.usename, '') AS usename,
       COALESCE(a.application_name, '') AS application_name,
       COALESCE(host(a.client_addr), '') AS client_addr,
       to_char(a.backend_start AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS backend_start,
       EXTRACT(EPOCH FROM a.backend_start)::float8 AS backend_start_epoch,
       COALESCE(a.state, '') AS state,
       left(COALESCE(a.query, ''), 200) AS query
FROM pg_locks AS l
JOIN pg_stat_activity AS a ON a.pid = l.pid
WHERE l.locktype = 'advisory'
  AND l.granted
  AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
  AND l.classid = ({class_id})::bigint::oid
  AND l.objid = ({lock_id})::bigint::oid
  AND l.objsubid = 2
ORDER BY a.backend_start
LIMIT 1
