-- Live ledger rows in applied order. to_jsonb(t) reads columns an older or newer Python ledger
-- may lack (archived_into, applied_by) without failing. Placeholder: table (quoted).
SELECT t.version,
       t.name,
       t.slug,
       COALESCE(t.checksum, '') AS checksum,
       to_char(t.applied_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS applied_at_utc,
       t.execution_time_ms,
       COALESCE(to_jsonb(t) ->> 'applied_by', '') AS applied_by
FROM {table} AS t
WHERE (to_jsonb(t) ->> 'archived_into') IS NULL
ORDER BY t.applied_at, t.pk_confiture
