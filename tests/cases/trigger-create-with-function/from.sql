CREATE TABLE orders (
  id integer PRIMARY KEY,
  updated_at timestamptz
);
