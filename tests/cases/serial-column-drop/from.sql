CREATE TABLE notes (
  body text NOT NULL,
  id serial
);
