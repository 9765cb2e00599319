-- a text column becomes integer (no implicit cast, needs USING)
CREATE TABLE products (
  id integer PRIMARY KEY,
  stock integer
);
