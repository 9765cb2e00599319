-- Every range type in scope (same rules as tables.sql): its subtype, and the options of CREATE
-- TYPE ... AS RANGE that were given: a subtype operator class other than the default, a
-- collation other than the subtype's, a canonical and a subtype_diff function.
SELECT n.nspname AS schema,
       t.typname AS name,
       pg_catalog.format_type(r.rngsubtype, NULL) AS subtype,
       CASE WHEN NOT opclass.opcdefault
            THEN pg_catalog.quote_ident(opclass_namespace.nspname) || '.' ||
                 pg_catalog.quote_ident(opclass.opcname)
       END AS subtype_opclass,
       collation_namespace.nspname AS collation_schema,
       coll.collname AS collation_name,
       nullif(r.rngcanonical, 0)::pg_catalog.regproc::text AS canonical,
       nullif(r.rngsubdiff, 0)::pg_catalog.regproc::text AS subtype_diff,
       pg_catalog.obj_description(t.oid, 'pg_type') AS comment,
       coalesce(t.typacl, pg_catalog.acldefault('T', t.typowner))::text[] AS privileges,
       pg_catalog.pg_get_userbyid(t.typowner) AS owner
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_range r ON r.rngtypid = t.oid
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
JOIN pg_catalog.pg_type subtype ON subtype.oid = r.rngsubtype
JOIN pg_catalog.pg_opclass opclass ON opclass.oid = r.rngsubopc
JOIN pg_catalog.pg_namespace opclass_namespace ON opclass_namespace.oid = opclass.opcnamespace
LEFT JOIN pg_catalog.pg_collation coll ON coll.oid = r.rngcollation
                                       AND r.rngcollation <> subtype.typcollation
LEFT JOIN pg_catalog.pg_namespace collation_namespace
       ON collation_namespace.oid = coll.collnamespace
WHERE t.typtype = 'r'
  AND @user_object(n, pg_type, t.oid)@
