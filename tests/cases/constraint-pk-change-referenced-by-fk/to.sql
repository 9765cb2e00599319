-- a referenced primary key changes columns (the referencing FK must be dropped first and rebuilt)
CREATE TABLE projects (
  tenant_id integer NOT NULL,
  id integer NOT NULL,
  CONSTRAINT projects_pkey PRIMARY KEY (tenant_id, id)
);

CREATE TABLE tasks (
  id integer PRIMARY KEY,
  tenant_id integer NOT NULL,
  project_id integer NOT NULL,
  CONSTRAINT tasks_project_fkey FOREIGN KEY (tenant_id, project_id) REFERENCES projects (tenant_id, id)
);
