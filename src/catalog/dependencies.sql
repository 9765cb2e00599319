-- Every recorded dependency between two user objects (pg_depend, normal and automatic), each
-- end mapped to the object the schema diff plans for: a column's default, a constraint, a
-- trigger or a policy stays itself (named by its table); a view's rewrite rule is the view; a
-- row type is its relation; an array type is its element type; anything an extension created is
-- the extension. Ends in system schemas, and edges from an object to itself, are left out;
-- system objects are filtered before the join, which keeps this query cheap.
-- Function bodies record nothing here: the differ reads those itself.
WITH members AS (
  SELECT d.classid, d.objid, e.extname
  FROM pg_catalog.pg_depend d
  JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid
  WHERE d.deptype = 'e' AND d.refclassid = 'pg_catalog.pg_extension'::regclass
),
relations AS (
  SELECT c.oid, n.nspname AS schema, coalesce(owner.relname, c.relname) AS name,
         CASE WHEN owner.oid IS NOT NULL THEN 'constraint'
              ELSE CASE c.relkind WHEN 'r' THEN 'table' WHEN 'p' THEN 'table'
                                  WHEN 'v' THEN 'view' WHEN 'm' THEN 'view'
                                  WHEN 'S' THEN 'sequence' WHEN 'c' THEN 'type'
                                  WHEN 'i' THEN 'index' WHEN 'I' THEN 'index' END
         END AS kind,
         coalesce(co.conname::text, '') AS member
  FROM pg_catalog.pg_class c
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  -- The index behind a primary key, unique or exclusion constraint is that constraint.
  LEFT JOIN pg_catalog.pg_constraint co
         ON co.conindid = c.oid AND co.contype IN ('p', 'u', 'x') AND c.relkind IN ('i', 'I')
  LEFT JOIN pg_catalog.pg_class owner ON owner.oid = co.conrelid
  WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'c', 'i', 'I')
    AND @user_schema(n.nspname)@
),
types AS (
  SELECT t.oid, coalesce(r.kind, 'type') AS kind,
         coalesce(r.schema, n.nspname) AS schema, coalesce(r.name, t.typname) AS name
  FROM pg_catalog.pg_type t
  JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
  LEFT JOIN relations r ON r.oid = t.typrelid
  WHERE @user_schema(n.nspname)@
),
objects AS (
  SELECT 'pg_catalog.pg_class'::regclass AS classid, r.oid AS objid, 0 AS objsubid,
         r.kind, r.schema, r.name, r.member
  FROM relations r
  UNION ALL
  SELECT 'pg_catalog.pg_class'::regclass, a.attrelid, a.attnum,
         CASE WHEN r.kind = 'table' THEN 'column' ELSE r.kind END, r.schema, r.name,
         CASE WHEN r.kind = 'table' THEN a.attname::text ELSE r.member END
  FROM pg_catalog.pg_attribute a
  JOIN relations r ON r.oid = a.attrelid
  WHERE a.attnum > 0 AND NOT a.attisdropped
  UNION ALL
  SELECT 'pg_catalog.pg_type'::regclass, t.oid, 0,
         coalesce(e.kind, m.kind, t.kind), coalesce(e.schema, m.schema, t.schema),
         coalesce(e.name, m.name, t.name), ''
  FROM types t
  JOIN pg_catalog.pg_type pt ON pt.oid = t.oid
  LEFT JOIN types e ON pt.typcategory = 'A' AND e.oid = pt.typelem
  LEFT JOIN pg_catalog.pg_range rg ON rg.rngmultitypid = t.oid
  LEFT JOIN types m ON m.oid = rg.rngtypid
  UNION ALL
  SELECT 'pg_catalog.pg_proc'::regclass, p.oid, 0, 'routine', n.nspname, p.proname,
         pg_catalog.pg_get_function_identity_arguments(p.oid)
  FROM pg_catalog.pg_proc p
  JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
  WHERE @user_schema(n.nspname)@
  UNION ALL
  SELECT 'pg_catalog.pg_rewrite'::regclass, w.oid, 0, r.kind, r.schema, r.name, ''
  FROM pg_catalog.pg_rewrite w
  JOIN relations r ON r.oid = w.ev_class
  WHERE r.kind = 'view'
  UNION ALL
  SELECT 'pg_catalog.pg_attrdef'::regclass, ad.oid, 0, 'default', r.schema, r.name,
         a.attname::text
  FROM pg_catalog.pg_attrdef ad
  JOIN relations r ON r.oid = ad.adrelid
  JOIN pg_catalog.pg_attribute a ON a.attrelid = ad.adrelid AND a.attnum = ad.adnum
  UNION ALL
  SELECT 'pg_catalog.pg_constraint'::regclass, co.oid, 0,
         CASE WHEN co.conrelid <> 0 THEN 'constraint' ELSE t.kind END,
         coalesce(r.schema, t.schema), coalesce(r.name, t.name),
         CASE WHEN co.conrelid <> 0 THEN co.conname::text ELSE '' END
  FROM pg_catalog.pg_constraint co
  LEFT JOIN relations r ON r.oid = co.conrelid
  LEFT JOIN types t ON t.oid = co.contypid
  WHERE co.conrelid <> 0 OR co.contypid <> 0
  UNION ALL
  SELECT 'pg_catalog.pg_trigger'::regclass, tg.oid, 0, 'trigger', r.schema, r.name,
         tg.tgname::text
  FROM pg_catalog.pg_trigger tg
  JOIN relations r ON r.oid = tg.tgrelid
  WHERE NOT tg.tgisinternal
  UNION ALL
  SELECT 'pg_catalog.pg_policy'::regclass, po.oid, 0, 'policy', r.schema, r.name,
         po.polname::text
  FROM pg_catalog.pg_policy po
  JOIN relations r ON r.oid = po.polrelid
  UNION ALL
  SELECT 'pg_catalog.pg_namespace'::regclass, n.oid, 0, 'schema', n.nspname, '', ''
  FROM pg_catalog.pg_namespace n
  WHERE @user_schema(n.nspname)@
  UNION ALL
  SELECT 'pg_catalog.pg_extension'::regclass, e.oid, 0, 'extension', '', e.extname, ''
  FROM pg_catalog.pg_extension e
),
resolved AS (
  SELECT o.classid, o.objid, o.objsubid,
         CASE WHEN m.extname IS NULL THEN o.kind ELSE 'extension' END AS kind,
         CASE WHEN m.extname IS NULL THEN o.schema ELSE '' END AS schema,
         coalesce(m.extname, o.name) AS name,
         CASE WHEN m.extname IS NULL THEN o.member ELSE '' END AS member
  FROM objects o
  LEFT JOIN members m ON m.classid = o.classid AND m.objid = o.objid
  WHERE m.extname IS NOT NULL
     OR (@user_schema(o.schema)@)
)
SELECT DISTINCT a.kind, a.schema, a.name, a.member,
       b.kind AS ref_kind, b.schema AS ref_schema, b.name AS ref_name, b.member AS ref_member
FROM pg_catalog.pg_depend d
JOIN resolved a ON a.classid = d.classid AND a.objid = d.objid
               AND a.objsubid = CASE WHEN d.classid = 'pg_catalog.pg_class'::regclass
                                     THEN d.objsubid ELSE 0 END
JOIN resolved b ON b.classid = d.refclassid AND b.objid = d.refobjid
               AND b.objsubid = CASE WHEN d.refclassid = 'pg_catalog.pg_class'::regclass
                                     THEN d.refobjsubid ELSE 0 END
WHERE d.deptype IN ('n', 'a')
  AND (a.kind, a.schema, a.name, a.member) IS DISTINCT FROM (b.kind, b.schema, b.name, b.member)
