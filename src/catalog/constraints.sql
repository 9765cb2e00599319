-- Primary keys ('p'), unique ('u'), check ('c'), exclusion ('x') constraints and foreign keys
-- ('f') of every table in tables.sql's scope; the referenced table may be anywhere. NOT NULL
-- constraints ('n', PostgreSQL 18+) are the columns' not_null, constraint triggers ('t') are
-- triggers. Key columns come in key order (conkey/confkey positions,
-- not attnum order). A foreign key to a partitioned table also leaves one internal row per
-- referenced partition on the referencing table, with a parent on that same table: those are
-- left out, while the copies a partition inherits from its parent's foreign key stay.
SELECT con.conrelid AS table_oid,
       con.conname AS name,
       con.contype AS kind,
       pg_catalog.pg_get_constraintdef(con.oid) AS definition,
       ARRAY(SELECT a.attname
             FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, position)
             JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
             ORDER BY k.position) AS columns,
       referenced_namespace.nspname AS referenced_schema,
       referenced.relname AS referenced_name,
       ARRAY(SELECT a.attname
             FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, position)
             JOIN pg_catalog.pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum
             ORDER BY k.position) AS referenced_columns,
       con.condeferrable AS deferrable,
       con.condeferred AS initially_deferred,
       con.convalidated AS validated,
       con.confupdtype AS on_update,
       con.confdeltype AS on_delete,
       con.confmatchtype AS match_type,
       NOT con.conislocal AS inherited,
       con.connoinherit AS no_inherit,
       pg_catalog.obj_description(con.oid, 'pg_constraint') AS comment
FROM pg_catalog.pg_constraint con
JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_class referenced ON referenced.oid = con.confrelid
LEFT JOIN pg_catalog.pg_namespace referenced_namespace
       ON referenced_namespace.oid = referenced.relnamespace
WHERE con.contype IN ('p', 'u', 'c', 'x', 'f')
  AND NOT EXISTS (SELECT FROM pg_catalog.pg_constraint parent
                  WHERE parent.oid = con.conparentid AND parent.conrelid = con.conrelid)
  AND c.relkind IN ('r', 'p')
  AND c.relpersistence <> 't'
  AND @user_object(n, pg_class, c.oid)@
