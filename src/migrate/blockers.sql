-- The sessions blocking one backend (placeholder: pid, a number) and what they are doing.
SELECT a.pid,
       COALESCE(a.usename, '') AS usename,
       COALESCE(a.application_name, '') AS application_name,
       COALESCE(host(a.client_addr), CASE WHEN a.client_port = -1 THEN 'local' ELSE '' END)
         AS client,
       COALESCE(a.state, '') AS state,
       left(COALESCE(a.query, ''), 200) AS query,
       COALESCE(to_char(a.xact_start AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), '')
         AS transaction_started
FROM unnest(pg_blocking_pids({pid})) AS b(pid)
JOIN pg_stat_activity AS a ON a.pid = b.pid
ORDER BY a.pid
