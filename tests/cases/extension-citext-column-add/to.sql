-- an extension is created before a column of its type is added
CREATE EXTENSION citext;

CREATE TABLE users (
  id integer PRIMARY KEY,
  email citext
);
