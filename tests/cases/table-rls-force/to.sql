-- row level security is forced for the table owner too
CREATE TABLE documents (
  id integer PRIMARY KEY,
  owner_name text NOT NULL
);

ALTER TABLE documents ENABLE ROW LEVEL SECURITY;
ALTER TABLE documents FORCE ROW LEVEL SECURITY;
