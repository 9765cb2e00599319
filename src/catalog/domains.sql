-- Every domain in scope (same rules as tables.sql): its direct base type with typmod, NOT NULL,
-- default, collation when it differs from the base type's, and its CHECK constraints as three
-- parallel arrays in name order. Only contype 'c': from PostgreSQL 17 on, NOT NULL is also a
-- pg_constraint row ('n'), already told by typnotnull.
SELECT n.nspname AS schema,
       t.typname AS name,
       pg_catalog.format_type(t.typbasetype, t.typtypmod) AS base_type,
       t.typnotnull AS not_null,
       t.typdefault AS default_expr,
       collation_namespace.nspname AS collation_schema,
       coll.collname AS collation_name,
       ARRAY(SELECT con.conname
             FROM pg_catalog.pg_constraint con
             WHERE con.contypid = t.oid AND con.contype = 'c'
             ORDER BY con.conname) AS constraint_names,
       ARRAY(SELECT pg_catalog.pg_get_constraintdef(con.oid)
             FROM pg_catalog.pg_constraint con
             WHERE con.contypid = t.oid AND con.contype = 'c'
             ORDER BY con.conname) AS constraint_definitions,
       ARRAY(SELECT con.convalidated
             FROM pg_catalog.pg_constraint con
             WHERE con.contypid = t.oid AND con.contype = 'c'
             ORDER BY con.conname) AS constraint_validated,
       pg_catalog.obj_description(t.oid, 'pg_type') AS comment,
       coalesce(t.typacl, pg_catalog.acldefault('T', t.typowner))::text[] AS privileges,
       pg_catalog.pg_get_userbyid(t.typowner) AS owner
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
JOIN pg_catalog.pg_type base ON base.oid = t.typbasetype
LEFT JOIN pg_catalog.pg_collation coll ON coll.oid = t.typcollation
                                       AND t.typcollation <> base.typcollation
LEFT JOIN pg_catalog.pg_namespace collation_namespace
       ON collation_namespace.oid = coll.collnamespace
WHERE t.typtype = 'd'
  AND @user_object(n, pg_type, t.oid)@
