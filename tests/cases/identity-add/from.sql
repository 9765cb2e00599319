CREATE TABLE notes (
  id integer NOT NULL PRIMARY KEY,
  body text NOT NULL
);
