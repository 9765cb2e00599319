-- Every enum type in scope (same rules as tables.sql) with its labels in sort order, which is
-- not oid order once ALTER TYPE ... ADD VALUE BEFORE has run.
SELECT n.nspname AS schema,
       t.typname AS name,
       ARRAY(SELECT e.enumlabel
             FROM pg_catalog.pg_enum e
             WHERE e.enumtypid = t.oid
             ORDER BY e.enumsortorder) AS labels,
       pg_catalog.obj_description(t.oid, 'pg_type') AS comment,
       coalesce(t.typacl, pg_catalog.acldefault('T', t.typowner))::text[] AS privileges,
       pg_catalog.pg_get_userbyid(t.typowner) AS owner
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
WHERE t.typtype = 'e'
  AND @user_object(n, pg_type, t.oid)@
