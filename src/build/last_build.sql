-- The most recent build recorded in this database, if any: its hash, when (UTC) and for which
-- environment.
SELECT schema_hash,
       to_char(built_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS built_at_utc,
       environment
FROM public.tb_confiture_build
ORDER BY id DESC
LIMIT 1
