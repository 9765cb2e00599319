-- Every object that the catalog model does not cover, so that a diff can refuse to call two
-- databases equal when they may differ there: made by a user (no extension member, nothing
-- built in: oid >= 16384 where the object has no schema to tell), on its own (not made as part
-- of another object, as a range type's cast to its multirange is) and, when it lives in a
-- schema, in scope (same rules as tables.sql). Objects of the whole database have no schema
-- and are listed whatever the schema filter, as extensions are. Subscriptions are read by name
-- only, without their oid: PostgreSQL 13 lets every role read a few columns of pg_subscription,
-- and the oid is not among them (no extension makes a subscription anyway).
WITH objects (catalog, oid, kind, schema, name) AS (
  SELECT 'pg_catalog.pg_event_trigger'::regclass, e.oid, 'event trigger', NULL::name,
         e.evtname::text
  FROM pg_catalog.pg_event_trigger e
  UNION ALL
  SELECT 'pg_catalog.pg_publication'::regclass, p.oid, 'publication', NULL, p.pubname::text
  FROM pg_catalog.pg_publication p
  UNION ALL
  SELECT 'pg_catalog.pg_subscription'::regclass, NULL, 'subscription', NULL, s.subname::text
  FROM pg_catalog.pg_subscription s
  WHERE s.subdbid = (SELECT oid FROM pg_catalog.pg_database
                     WHERE datname = pg_catalog.current_database())
  UNION ALL
  SELECT 'pg_catalog.pg_rewrite'::regclass, r.oid, 'rule', n.nspname,
         r.rulename || ' on ' || c.relname
  FROM pg_catalog.pg_rewrite r
  JOIN pg_catalog.pg_class c ON c.oid = r.ev_class
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  WHERE r.rulename <> '_RETURN'
  UNION ALL
  SELECT 'pg_catalog.pg_class'::regclass, c.oid, 'foreign table', n.nspname, c.relname::text
  FROM pg_catalog.pg_class c
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind = 'f'
  UNION ALL
  SELECT 'pg_catalog.pg_foreign_server'::regclass, s.oid, 'foreign server', NULL, s.srvname::text
  FROM pg_catalog.pg_foreign_server s
  UNION ALL
  SELECT 'pg_catalog.pg_foreign_data_wrapper'::regclass, w.oid, 'foreign-data wrapper', NULL,
         w.fdwname::text
  FROM pg_catalog.pg_foreign_data_wrapper w
  UNION ALL
  SELECT 'pg_catalog.pg_operator'::regclass, o.oid, 'operator', n.nspname,
         o.oprname || '(' || coalesce(pg_catalog.format_type(nullif(o.oprleft, 0), NULL), 'NONE')
         || ', ' || coalesce(pg_catalog.format_type(nullif(o.oprright, 0), NULL), 'NONE') || ')'
  FROM pg_catalog.pg_operator o
  JOIN pg_catalog.pg_namespace n ON n.oid = o.oprnamespace
  UNION ALL
  SELECT 'pg_catalog.pg_opclass'::regclass, o.oid, 'operator class', n.nspname,
         o.opcname || ' using ' || am.amname
  FROM pg_catalog.pg_opclass o
  JOIN pg_catalog.pg_namespace n ON n.oid = o.opcnamespace
  JOIN pg_catalog.pg_am am ON am.oid = o.opcmethod
  UNION ALL
  SELECT 'pg_catalog.pg_opfamily'::regclass, f.oid, 'operator family', n.nspname,
         f.opfname || ' using ' || am.amname
  FROM pg_catalog.pg_opfamily f
  JOIN pg_catalog.pg_namespace n ON n.oid = f.opfnamespace
  JOIN pg_catalog.pg_am am ON am.oid = f.opfmethod
  UNION ALL
  SELECT 'pg_catalog.pg_cast'::regclass, c.oid, 'cast', NULL,
         pg_catalog.format_type(c.castsource, NULL) || ' as '
         || pg_catalog.format_type(c.casttarget, NULL)
  FROM pg_catalog.pg_cast c
  UNION ALL
  SELECT 'pg_catalog.pg_ts_config'::regclass, t.oid, 'text search configuration', n.nspname,
         t.cfgname::text
  FROM pg_catalog.pg_ts_config t
  JOIN pg_catalog.pg_namespace n ON n.oid = t.cfgnamespace
  UNION ALL
  SELECT 'pg_catalog.pg_ts_dict'::regclass, t.oid, 'text search dictionary', n.nspname,
         t.dictname::text
  FROM pg_catalog.pg_ts_dict t
  JOIN pg_catalog.pg_namespace n ON n.oid = t.dictnamespace
  UNION ALL
  SELECT 'pg_catalog.pg_ts_parser'::regclass, t.oid, 'text search parser', n.nspname,
         t.prsname::text
  FROM pg_catalog.pg_ts_parser t
  JOIN pg_catalog.pg_namespace n ON n.oid = t.prsnamespace
  UNION ALL
  SELECT 'pg_catalog.pg_ts_template'::regclass, t.oid, 'text search template', n.nspname,
         t.tmplname::text
  FROM pg_catalog.pg_ts_template t
  JOIN pg_catalog.pg_namespace n ON n.oid = t.tmplnamespace
  UNION ALL
  SELECT 'pg_catalog.pg_collation'::regclass, c.oid, 'collation', n.nspname, c.collname::text
  FROM pg_catalog.pg_collation c
  JOIN pg_catalog.pg_namespace n ON n.oid = c.collnamespace
  UNION ALL
  SELECT 'pg_catalog.pg_conversion'::regclass, c.oid, 'conversion', n.nspname, c.conname::text
  FROM pg_catalog.pg_conversion c
  JOIN pg_catalog.pg_namespace n ON n.oid = c.connamespace
  UNION ALL
  SELECT 'pg_catalog.pg_statistic_ext'::regclass, s.oid, 'statistics object', n.nspname,
         s.stxname::text
  FROM pg_catalog.pg_statistic_ext s
  JOIN pg_catalog.pg_namespace n ON n.oid = s.stxnamespace
  UNION ALL
  SELECT 'pg_catalog.pg_transform'::regclass, t.oid, 'transform', NULL,
         pg_catalog.format_type(t.trftype, NULL) || ' language ' || l.lanname
  FROM pg_catalog.pg_transform t
  JOIN pg_catalog.pg_language l ON l.oid = t.trflang
  UNION ALL
  SELECT 'pg_catalog.pg_language'::regclass, l.oid, 'language', NULL, l.lanname::text
  FROM pg_catalog.pg_language l
  UNION ALL
  SELECT 'pg_catalog.pg_am'::regclass, am.oid, 'access method', NULL, am.amname::text
  FROM pg_catalog.pg_am am
  UNION ALL
  SELECT 'pg_catalog.pg_default_acl'::regclass, a.oid, 'default privileges', n.nspname,
         pg_catalog.pg_get_userbyid(a.defaclrole) || ' on ' ||
         CASE a.defaclobjtype WHEN 'r' THEN 'tables' WHEN 'S' THEN 'sequences'
                              WHEN 'f' THEN 'functions' WHEN 'T' THEN 'types'
                              WHEN 'n' THEN 'schemas' ELSE a.defaclobjtype::text
         END
  FROM pg_catalog.pg_default_acl a
  LEFT JOIN pg_catalog.pg_namespace n ON n.oid = a.defaclnamespace
  UNION ALL
  -- Base and shell types (CREATE TYPE with input and output functions, or with a name only);
  -- not the array types every type gets.
  SELECT 'pg_catalog.pg_type'::regclass, t.oid, 'base type', n.nspname, t.typname::text
  FROM pg_catalog.pg_type t
  JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
  WHERE t.typtype IN ('b', 'p')
    AND NOT EXISTS (SELECT FROM pg_catalog.pg_type element WHERE element.typarray = t.oid)
)
SELECT o.kind, o.schema, o.name
FROM objects o
WHERE (o.schema IS NULL
       OR (@user_schema(o.schema)@
           AND (:schemas IS NULL OR o.schema = ANY (:schemas))))
  AND (o.schema IS NOT NULL OR o.oid IS NULL OR o.oid >= 16384)
  AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend d
                  WHERE d.classid = o.catalog
                    AND d.objid = o.oid
                    AND d.deptype IN ('e', 'i'))
