-- Every ordinary and partitioned table in scope: user schemas only (restricted to the text[]
-- :schemas unless it is NULL), no temporary tables, no members of an extension.
-- A partition names its direct parent; a partitioned table, which stores nothing itself, is
-- sized by its leaf partitions (reltuples < 0: never analyzed since PostgreSQL 14). Parents
-- of plain inheritance (INHERITS) come in declaration order.
WITH RECURSIVE partition_tree AS (
  SELECT i.inhparent AS root, i.inhrelid AS relid
  FROM pg_catalog.pg_inherits i
  JOIN pg_catalog.pg_class parent ON parent.oid = i.inhparent
  WHERE parent.relkind = 'p'
  UNION ALL
  SELECT tree.root, i.inhrelid
  FROM partition_tree tree
  JOIN pg_catalog.pg_inherits i ON i.inhparent = tree.relid
),
leaves AS (
  SELECT tree.root,
         CASE WHEN bool_and(leaf.reltuples < 0) THEN -1
              ELSE sum(greatest(leaf.reltuples, 0))
         END AS estimated_rows,
         sum(pg_catalog.pg_relation_size(leaf.oid)) AS estimated_bytes
  FROM partition_tree tree
  JOIN pg_catalog.pg_class leaf ON leaf.oid = tree.relid
  WHERE leaf.relkind <> 'p'
  GROUP BY tree.root
)
SELECT c.oid,
       n.nspname AS schema,
       c.relname AS name,
       c.relkind AS kind,
       parent_namespace.nspname AS parent_schema,
       parent.relname AS parent_name,
       CASE WHEN c.relkind = 'p' THEN coalesce(leaves.estimated_rows, 0)
            ELSE c.reltuples
       END::float8 AS estimated_rows,
       CASE WHEN c.relkind = 'p' THEN coalesce(leaves.estimated_bytes, 0)
            ELSE pg_catalog.pg_relation_size(c.oid)
       END::int8 AS estimated_bytes,
       c.relpersistence = 'u' AS unlogged,
       c.relrowsecurity AS row_security,
       c.relforcerowsecurity AS force_row_security,
       coalesce(c.reloptions, '{}') AS storage_parameters,
       pg_catalog.pg_get_partkeydef(c.oid) AS partition_key,
       pg_catalog.pg_get_expr(c.relpartbound, c.oid) AS partition_bound,
       ARRAY(SELECT inherited_namespace.nspname
             FROM pg_catalog.pg_inherits inheritance
             JOIN pg_catalog.pg_class inherited ON inherited.oid = inheritance.inhparent
             JOIN pg_catalog.pg_namespace inherited_namespace
               ON inherited_namespace.oid = inherited.relnamespace
             WHERE inheritance.inhrelid = c.oid AND NOT c.relispartition
             ORDER BY inheritance.inhseqno) AS inherits_schemas,
       ARRAY(SELECT inherited.relname
             FROM pg_catalog.pg_inherits inheritance
             JOIN pg_catalog.pg_class inherited ON inherited.oid = inheritance.inhparent
             WHERE inheritance.inhrelid = c.oid AND NOT c.relispartition
             ORDER BY inheritance.inhseqno) AS inherits_names,
       pg_catalog.obj_description(c.oid, 'pg_class') AS comment,
       coalesce(c.relacl, pg_catalog.acldefault('r', c.relowner))::text[] AS privileges,
       pg_catalog.pg_get_userbyid(c.relowner) AS owner
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_inherits i ON c.relispartition AND i.inhrelid = c.oid
LEFT JOIN pg_catalog.pg_class parent ON parent.oid = i.inhparent
LEFT JOIN pg_catalog.pg_namespace parent_namespace ON parent_namespace.oid = parent.relnamespace
LEFT JOIN leaves ON leaves.root = c.oid
WHERE c.relkind IN ('r', 'p')
  AND c.relpersistence <> 't'
  AND @user_object(n, pg_class, c.oid)@
