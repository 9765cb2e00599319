-- The attributes of every free-standing composite type in scope (CREATE TYPE ... AS (...), not a
-- table's row type; same rules as tables.sql), one row per attribute in attnum order. A type
-- without attributes still has one row, with a NULL attribute. An attribute's collation is
-- given only when it differs from its type's default.
SELECT n.nspname AS schema,
       t.typname AS name,
       a.attname AS attribute,
       pg_catalog.format_type(a.atttypid, a.atttypmod) AS type,
       collation_namespace.nspname AS collation_schema,
       coll.collname AS collation_name,
       pg_catalog.obj_description(t.oid, 'pg_type') AS comment,
       coalesce(t.typacl, pg_catalog.acldefault('T', t.typowner))::text[] AS privileges,
       pg_catalog.pg_get_userbyid(t.typowner) AS owner
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_class c ON c.oid = t.typrelid
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
LEFT JOIN pg_catalog.pg_type attribute_type ON attribute_type.oid = a.atttypid
LEFT JOIN pg_catalog.pg_collation coll ON coll.oid = a.attcollation
                                       AND a.attcollation <> attribute_type.typcollation
LEFT JOIN pg_catalog.pg_namespace collation_namespace
       ON collation_namespace.oid = coll.collnamespace
WHERE t.typtype = 'c'
  AND c.relkind = 'c'
  AND @user_object(n, pg_type, t.oid)@
ORDER BY t.oid, a.attnum
