-- a function used by a policy changes return type (policy dropped and recreated around it)
CREATE FUNCTION current_tenant() RETURNS bigint
  LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.tenant_id', true), '')::bigint $$;

CREATE TABLE projects (
  id integer PRIMARY KEY,
  tenant_id integer NOT NULL,
  name text NOT NULL
);

ALTER TABLE projects ENABLE ROW LEVEL SECURITY;

CREATE POLICY projects_tenant ON projects USING (tenant_id = current_tenant());
