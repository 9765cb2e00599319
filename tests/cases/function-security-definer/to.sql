-- a function becomes SECURITY DEFINER
CREATE FUNCTION current_tenant() RETURNS integer
  LANGUAGE sql STABLE SECURITY DEFINER
  AS $$ SELECT nullif(current_setting('app.tenant_id', true), '')::integer $$;
