-- a policy is dropped
CREATE TABLE documents (
  id integer PRIMARY KEY,
  owner_name text NOT NULL,
  published boolean NOT NULL DEFAULT false
);

ALTER TABLE documents ENABLE ROW LEVEL SECURITY;
