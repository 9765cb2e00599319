-- Every user schema (not pg_*, information_schema; restricted to the text[] :schemas unless it
-- is NULL) that no extension created, with its owner, comment and privileges (aclitem texts,
-- the defaults spelled out when none were ever granted or revoked).
SELECT n.nspname AS name,
       pg_catalog.pg_get_userbyid(n.nspowner) AS owner,
       pg_catalog.obj_description(n.oid, 'pg_namespace') AS comment,
       coalesce(n.nspacl, pg_catalog.acldefault('n', n.nspowner))::text[] AS privileges
FROM pg_catalog.pg_namespace n
WHERE @user_object(n, pg_namespace, n.oid)@
