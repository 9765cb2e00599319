-- Every sequence in scope (same rules as tables.sql), with the column that owns it: OWNED BY
-- for a serial ('a' dependency) or the identity column it generates ('i'). last_value comes
-- from pg_sequences, which shows NULL rather than failing when this role may not read it; it is
-- looked up per sequence, by name, because a join lets a planner with stale statistics on the
-- catalogs read every sequence once per sequence. Its options come from pg_sequence, which
-- every role may read.
SELECT n.nspname AS schema,
       c.relname AS name,
       owner_namespace.nspname AS owner_schema,
       owner.relname AS owner_table,
       owner_column.attname AS owner_column,
       (SELECT s.last_value
        FROM pg_catalog.pg_sequences s
        WHERE s.schemaname = n.nspname AND s.sequencename = c.relname) AS last_value,
       pg_catalog.format_type(options.seqtypid, NULL) AS data_type,
       options.seqstart AS start,
       options.seqincrement AS increment,
       options.seqmin AS min_value,
       options.seqmax AS max_value,
       options.seqcache AS cache,
       options.seqcycle AS cycle,
       pg_catalog.obj_description(c.oid, 'pg_class') AS comment,
       coalesce(c.relacl, pg_catalog.acldefault('s', c.relowner))::text[] AS privileges,
       pg_catalog.pg_get_userbyid(c.relowner) AS owner
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_sequence options ON options.seqrelid = c.oid
LEFT JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_class'::regclass
                                AND d.objid = c.oid
                                AND d.refclassid = 'pg_catalog.pg_class'::regclass
                                AND d.refobjsubid > 0
                                AND d.deptype IN ('a', 'i')
LEFT JOIN pg_catalog.pg_class owner ON owner.oid = d.refobjid
LEFT JOIN pg_catalog.pg_namespace owner_namespace ON owner_namespace.oid = owner.relnamespace
LEFT JOIN pg_catalog.pg_attribute owner_column ON owner_column.attrelid = d.refobjid
                                              AND owner_column.attnum = d.refobjsubid
WHERE c.relkind = 'S'
  AND c.relpersistence <> 't'
  AND @user_object(n, pg_class, c.oid)@
