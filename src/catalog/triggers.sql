-- Every user trigger on a table, partitioned table or view in scope (same rules as tables.sql):
-- not the internal ones behind foreign keys and deferrable constraints, which all name their
-- constraint. A trigger that a partitioned table's trigger made on a partition is marked as such
-- (tgparentid); older servers (PostgreSQL 13 among them) also mark such a clone internal.
SELECT n.nspname AS table_schema,
       c.relname AS table_name,
       t.tgname AS name,
       pg_catalog.pg_get_triggerdef(t.oid) AS definition,
       t.tgenabled AS enabled,
       t.tgparentid <> 0 AS inherited,
       pg_catalog.obj_description(t.oid, 'pg_trigger') AS comment
FROM pg_catalog.pg_trigger t
JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE (NOT t.tgisinternal OR (t.tgparentid <> 0 AND t.tgconstraint = 0))
  AND c.relkind IN ('r', 'p', 'v')
  AND c.relpersistence <> 't'
  AND @user_object(n, pg_class, c.oid)@
