-- an identity column goes back to a serial column
CREATE TABLE notes (
  id serial PRIMARY KEY,
  body text NOT NULL
);
