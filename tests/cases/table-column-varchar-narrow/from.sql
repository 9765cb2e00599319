CREATE TABLE users (
  id integer PRIMARY KEY,
  display_name text,
  code char(10),
  flags bit varying(16)
);
