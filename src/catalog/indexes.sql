-- Every index in scope that backs no constraint (those are the constraints' own: primary key,
-- unique, exclusion), on a table, partitioned table or materialized view in tables.sql's scope.
-- Key columns and INCLUDE columns come as pg_get_indexdef prints each position: a column name
-- or an expression. An index that a partitioned index made on a partition is marked as such.
SELECT n.nspname AS schema,
       ic.relname AS name,
       tn.nspname AS table_schema,
       c.relname AS table_name,
       i.indisunique AS is_unique,
       am.amname AS method,
       pg_catalog.pg_get_indexdef(i.indexrelid) AS definition,
       pg_catalog.pg_get_expr(i.indpred, i.indrelid) AS predicate,
       ARRAY(SELECT pg_catalog.pg_get_indexdef(i.indexrelid, k, true)
             FROM pg_catalog.generate_series(1, i.indnkeyatts) AS k
             ORDER BY k) AS key_columns,
       ARRAY(SELECT pg_catalog.pg_get_indexdef(i.indexrelid, k, true)
             FROM pg_catalog.generate_series(i.indnkeyatts + 1, i.indnatts) AS k
             ORDER BY k) AS include_columns,
       EXISTS (SELECT FROM pg_catalog.pg_inherits parent
               WHERE parent.inhrelid = i.indexrelid) AS inherited,
       pg_catalog.obj_description(i.indexrelid, 'pg_class') AS comment
FROM pg_catalog.pg_index i
JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
JOIN pg_catalog.pg_namespace n ON n.oid = ic.relnamespace
JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
JOIN pg_catalog.pg_namespace tn ON tn.oid = c.relnamespace
JOIN pg_catalog.pg_am am ON am.oid = ic.relam
WHERE c.relkind IN ('r', 'p', 'm')
  AND c.relpersistence <> 't'
  AND @user_object(tn, pg_class, c.oid)@
  AND NOT EXISTS (SELECT FROM pg_catalog.pg_constraint con
                  WHERE con.conindid = i.indexrelid
                    AND con.conrelid = i.indrelid
                    AND con.contype IN ('p', 'u', 'x'))
  AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend ext
                  WHERE ext.classid = 'pg_catalog.pg_class'::regclass
                    AND ext.objid = i.indexrelid
                    AND ext.deptype = 'e')
