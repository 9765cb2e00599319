CREATE TABLE sensors (
  id integer PRIMARY KEY
);
