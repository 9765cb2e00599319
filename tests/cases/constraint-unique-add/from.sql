CREATE TABLE users (
  id integer PRIMARY KEY,
  tenant_id integer NOT NULL,
  email text NOT NULL
);
