CREATE TABLE import_rows (
  id integer PRIMARY KEY,
  raw text
);
