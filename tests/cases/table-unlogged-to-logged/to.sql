-- an unlogged table becomes logged
CREATE TABLE import_rows (
  id integer PRIMARY KEY,
  raw text
);
