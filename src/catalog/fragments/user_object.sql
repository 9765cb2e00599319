-- @user_object(NS, CATALOG, OID)@: the object whose oid is OID, recorded in the system catalog
-- pg_catalog.CATALOG and living in the schema whose pg_namespace row is NS, is a user object in
-- scope: in a user schema, in the text[] :schemas unless that is NULL, and no member of an
-- extension (the extension owns it; diff and sync leave it to CREATE EXTENSION).
@user_schema({1}.nspname)@
  AND (:schemas IS NULL OR {1}.nspname = ANY (:schemas))
  AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend ext
                  WHERE ext.classid = 'pg_catalog.{2}'::regclass
                    AND ext.objid = {3}
                    AND ext.deptype = 'e')
