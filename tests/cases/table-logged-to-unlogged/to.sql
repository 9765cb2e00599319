-- a logged table becomes unlogged
CREATE UNLOGGED TABLE import_rows (
  id integer PRIMARY KEY,
  raw text
);
