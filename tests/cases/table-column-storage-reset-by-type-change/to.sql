-- a column with EXTERNAL storage changes type, which resets its storage: it is set again after
CREATE TABLE documents (
  id integer PRIMARY KEY,
  body character varying(4000)
);

ALTER TABLE documents ALTER COLUMN body SET STORAGE EXTERNAL;
