-- The recorded holder. Placeholder: lock_id (number).
SELECT h.pid,
       COALESCE(h.hostname, '') AS hostname,
       COALESCE(h.usename, '') AS usename,
       COALESCE(h.command, '') AS command,
       to_char(h.acquired_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS acquired_at,
       EXTRACT(EPOCH FROM (now() - h.acquired_at))::bigint AS held_for_seconds,
       EXTRACT(EPOCH FROM h.acquired_at)::float8 AS acquired_epoch
FROM confiture_lock_holder AS h
WHERE h.lock_id = {lock_id}
