-- Every row-level security policy on a table in scope (same rules as tables.sql), its roles by
-- name in byte order ("public" for PUBLIC) and its expressions as pg_get_expr prints them.
SELECT n.nspname AS table_schema,
       c.relname AS table_name,
       p.polname AS name,
       p.polcmd AS command,
       p.polpermissive AS permissive,
       ARRAY(SELECT role.name
             FROM unnest(p.polroles) AS r(oid)
             CROSS JOIN LATERAL (
               SELECT CASE WHEN r.oid = 0 THEN 'public'
                           ELSE pg_catalog.pg_get_userbyid(r.oid)::text
                      END AS name
             ) role
             ORDER BY role.name COLLATE "C") AS roles,
       pg_catalog.pg_get_expr(p.polqual, p.polrelid) AS using_expr,
       pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) AS with_check_expr,
       pg_catalog.obj_description(p.oid, 'pg_policy') AS comment
FROM pg_catalog.pg_policy p
JOIN pg_catalog.pg_class c ON c.oid = p.polrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p')
  AND c.relpersistence <> 't'
  AND @user_object(n, pg_class, c.oid)@
