-- @user_schema(NAME)@: NAME (a schema name expression) is a user schema: not pg_catalog, pg_toast
-- or another pg_* schema, not information_schema.
{1} !~ '^pg_' AND {1} <> 'information_schema'
