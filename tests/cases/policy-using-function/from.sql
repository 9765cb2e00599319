CREATE TABLE projects (
  id integer PRIMARY KEY,
  tenant_id integer NOT NULL,
  name text NOT NULL
);

ALTER TABLE projects ENABLE ROW LEVEL SECURITY;
