-- a unique constraint keeps its name but gains a column
CREATE TABLE users (
  id integer PRIMARY KEY,
  tenant_id integer NOT NULL,
  email text NOT NULL,
  CONSTRAINT users_email_key UNIQUE (tenant_id, email)
);
