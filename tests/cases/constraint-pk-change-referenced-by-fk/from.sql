CREATE TABLE projects (
  tenant_id integer NOT NULL,
  id integer NOT NULL,
  CONSTRAINT projects_pkey PRIMARY KEY (id)
);

CREATE TABLE tasks (
  id integer PRIMARY KEY,
  tenant_id integer NOT NULL,
  project_id integer NOT NULL,
  CONSTRAINT tasks_project_fkey FOREIGN KEY (project_id) REFERENCES projects (id)
);
