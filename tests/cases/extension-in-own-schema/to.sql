-- an extension is installed into a new schema and used by a qualified column type
CREATE SCHEMA extensions;

CREATE EXTENSION citext SCHEMA extensions;

CREATE TABLE accounts (
  id integer PRIMARY KEY,
  login extensions.citext NOT NULL
);
