-- a new parent table is created before the foreign key that references it
CREATE TABLE authors (
  id integer PRIMARY KEY,
  name text NOT NULL
);

CREATE TABLE books (
  id integer PRIMARY KEY,
  author_id integer,
  CONSTRAINT books_author_id_fkey FOREIGN KEY (author_id) REFERENCES authors (id)
);
