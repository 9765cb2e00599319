-- Every view and materialized view in scope (same rules as tables.sql) with its definition as
-- pg_get_viewdef prints it, its options (check_option, security_barrier, ...; a materialized
-- view's storage parameters) and its columns in order, as two parallel arrays.
SELECT n.nspname AS schema,
       c.relname AS name,
       c.relkind = 'm' AS materialized,
       pg_catalog.pg_get_viewdef(c.oid) AS definition,
       coalesce(c.reloptions, '{}') AS options,
       c.relispopulated AS populated,
       ARRAY(SELECT a.attname
             FROM pg_catalog.pg_attribute a
             WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
             ORDER BY a.attnum) AS column_names,
       ARRAY(SELECT pg_catalog.format_type(a.atttypid, a.atttypmod)
             FROM pg_catalog.pg_attribute a
             WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
             ORDER BY a.attnum) AS column_types,
       pg_catalog.obj_description(c.oid, 'pg_class') AS comment,
       coalesce(c.relacl, pg_catalog.acldefault('r', c.relowner))::text[] AS privileges,
       pg_catalog.pg_get_userbyid(c.relowner) AS owner
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('v', 'm')
  AND c.relpersistence <> 't'
  AND @user_object(n, pg_class, c.oid)@
