-- Every function, procedure and aggregate in scope (same rules as tables.sql), without those an
-- object made for itself (a range type's constructors: an internal dependency). An aggregate has
-- no pg_get_functiondef: its parts come from pg_aggregate instead.
SELECT n.nspname AS schema,
       p.proname AS name,
       pg_catalog.pg_get_function_identity_arguments(p.oid) AS identity_arguments,
       pg_catalog.pg_get_function_arguments(p.oid) AS arguments,
       p.prokind AS kind,
       CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END AS definition,
       l.lanname AS language,
       pg_catalog.pg_get_function_result(p.oid) AS return_type,
       p.provolatile AS volatility,
       p.prosecdef AS security_definer,
       agg.aggtransfn::text AS aggregate_transition,
       pg_catalog.format_type(agg.aggtranstype, NULL) AS aggregate_state_type,
       nullif(agg.aggfinalfn, 0)::pg_catalog.regproc::text AS aggregate_final,
       nullif(agg.aggcombinefn, 0)::pg_catalog.regproc::text AS aggregate_combine,
       agg.agginitval AS aggregate_initial_value,
       pg_catalog.obj_description(p.oid, 'pg_proc') AS comment,
       coalesce(p.proacl, pg_catalog.acldefault('f', p.proowner))::text[] AS privileges,
       pg_catalog.pg_get_userbyid(p.proowner) AS owner
FROM pg_catalog.pg_proc p
JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
JOIN pg_catalog.pg_language l ON l.oid = p.prolang
LEFT JOIN pg_catalog.pg_aggregate agg ON agg.aggfnoid = p.oid
WHERE @user_object(n, pg_proc, p.oid)@
  -- An internal member: a routine the system made for another object (a range constructor).
  AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend ext
                  WHERE ext.classid = 'pg_catalog.pg_proc'::regclass
                    AND ext.objid = p.oid
                    AND ext.deptype = 'i')
