CREATE EXTENSION hstore;

CREATE TABLE products (
  id integer PRIMARY KEY,
  attributes hstore
);
