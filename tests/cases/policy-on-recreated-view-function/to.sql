-- the function under a view read by a policy changes return type (policy, view, function unwound and rebuilt)
CREATE FUNCTION current_tenant() RETURNS bigint
  LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.tenant_id', true), '')::bigint $$;

CREATE TABLE projects (
  id integer PRIMARY KEY,
  tenant_id integer NOT NULL
);

CREATE VIEW my_projects AS
  SELECT id FROM projects WHERE tenant_id = current_tenant();

CREATE TABLE documents (
  id integer PRIMARY KEY,
  project_id integer NOT NULL
);

ALTER TABLE documents ENABLE ROW LEVEL SECURITY;

CREATE POLICY documents_project ON documents USING (project_id IN (SELECT id FROM my_projects));
