-- Every installed extension, whatever the schema filter: an extension belongs to the database,
-- its schema is only where its objects went (plpgsql's is pg_catalog).
SELECT e.extname AS name,
       n.nspname AS schema,
       e.extversion AS version
FROM pg_catalog.pg_extension e
JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
