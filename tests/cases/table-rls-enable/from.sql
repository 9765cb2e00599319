CREATE TABLE documents (
  id integer PRIMARY KEY,
  owner_name text NOT NULL
);
