CREATE TABLE documents (
  id integer PRIMARY KEY,
  body text
);
