-- row level security is enabled on a table
CREATE TABLE documents (
  id integer PRIMARY KEY,
  owner_name text NOT NULL
);

ALTER TABLE documents ENABLE ROW LEVEL SECURITY;
