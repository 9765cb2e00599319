CREATE TABLE documents (
  id integer PRIMARY KEY,
  body text
);

ALTER TABLE documents ALTER COLUMN body SET STORAGE EXTERNAL;
