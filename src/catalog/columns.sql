-- The columns of every table in tables.sql's scope, in attnum order, without dropped or system
-- columns. A domain column also gets the type at the bottom of its chain of domains (with that
-- domain's typmod), which is what decides its category and its maximum length. The collation
-- is given only when it is not the column type's default.
WITH RECURSIVE domain_chain AS (
  SELECT t.oid AS domain, t.typbasetype AS base, t.typtypmod AS base_typmod
  FROM pg_catalog.pg_type t
  WHERE t.typtype = 'd'
  UNION ALL
  SELECT chain.domain, t.typbasetype, t.typtypmod
  FROM domain_chain chain
  JOIN pg_catalog.pg_type t ON t.oid = chain.base
  WHERE t.typtype = 'd'
),
domain_base AS (
  SELECT chain.domain, chain.base, chain.base_typmod
  FROM domain_chain chain
  JOIN pg_catalog.pg_type t ON t.oid = chain.base
  WHERE t.typtype <> 'd'
)
SELECT a.attrelid AS table_oid,
       a.attname AS name,
       a.attnum AS number,
       pg_catalog.format_type(a.atttypid, a.atttypmod) AS type,
       pg_catalog.format_type(base.oid, resolved.typmod) AS base_type,
       base.typcategory AS type_category,
       CASE WHEN base.oid IN ('pg_catalog.bpchar'::regtype, 'pg_catalog.varchar'::regtype)
                 AND resolved.typmod >= 4
            THEN resolved.typmod - 4
            ELSE -1
       END AS max_length,
       a.attnotnull AS not_null,
       pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) AS default_expr,
       a.attidentity AS identity,
       a.attgenerated AS generated,
       a.attinhcount > 0 AS inherited,
       a.attislocal AS local,
       -- -1 (before PostgreSQL 17) and null (since) both mean the default target.
       nullif(a.attstattarget::integer, -1) AS statistics_target,
       a.attstorage AS storage,
       column_type.typstorage AS type_storage,
       collation_namespace.nspname AS collation_schema,
       coll.collname AS collation_name,
       pg_catalog.col_description(a.attrelid, a.attnum) AS comment,
       coalesce(a.attacl, '{}')::text[] AS privileges
FROM pg_catalog.pg_attribute a
JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN domain_base ON domain_base.domain = a.atttypid
JOIN pg_catalog.pg_type base ON base.oid = coalesce(domain_base.base, a.atttypid)
CROSS JOIN LATERAL (
  SELECT coalesce(domain_base.base_typmod, a.atttypmod) AS typmod
) resolved
JOIN pg_catalog.pg_type column_type ON column_type.oid = a.atttypid
LEFT JOIN pg_catalog.pg_collation coll ON coll.oid = a.attcollation
                                       AND a.attcollation <> column_type.typcollation
LEFT JOIN pg_catalog.pg_namespace collation_namespace
       ON collation_namespace.oid = coll.collnamespace
LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
WHERE a.attnum > 0
  AND NOT a.attisdropped
  AND c.relkind IN ('r', 'p')
  AND c.relpersistence <> 't'
  AND @user_object(n, pg_class, c.oid)@
ORDER BY a.attrelid, a.attnum
