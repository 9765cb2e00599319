-- a function is created before the policy that calls it
CREATE FUNCTION current_tenant() RETURNS integer
  LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.tenant_id', true), '')::integer $$;

CREATE TABLE projects (
  id integer PRIMARY KEY,
  tenant_id integer NOT NULL,
  name text NOT NULL
);

ALTER TABLE projects ENABLE ROW LEVEL SECURITY;

CREATE POLICY projects_tenant ON projects USING (tenant_id = current_tenant());
