-- a two-column unique constraint is added
CREATE TABLE users (
  id integer PRIMARY KEY,
  tenant_id integer NOT NULL,
  email text NOT NULL,
  CONSTRAINT users_tenant_email_key UNIQUE (tenant_id, email)
);
