CREATE TABLE authors (
  id integer PRIMARY KEY,
  name text NOT NULL
);

CREATE TABLE books (
  id integer PRIMARY KEY,
  author_id integer
);

ALTER TABLE books ADD CONSTRAINT books_author_id_fkey FOREIGN KEY (author_id) REFERENCES authors (id) NOT VALID;
