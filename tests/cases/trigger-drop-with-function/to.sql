-- a trigger is dropped before its trigger function
CREATE TABLE orders (
  id integer PRIMARY KEY,
  updated_at timestamptz
);
