-- a column and the index on it are dropped together
CREATE TABLE orders (
  id integer PRIMARY KEY,
  customer_id integer NOT NULL,
  status text NOT NULL,
  total numeric(12, 2),
  created_at timestamptz NOT NULL DEFAULT now()
);
