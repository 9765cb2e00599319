-- a primary key is removed
CREATE TABLE tags (
  id integer NOT NULL,
  label text NOT NULL
);
