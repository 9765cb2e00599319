-- a column is added before the index that covers it
CREATE TABLE orders (
  id integer PRIMARY KEY,
  customer_id integer NOT NULL,
  email text,
  status text NOT NULL,
  total numeric(12, 2),
  created_at timestamptz NOT NULL DEFAULT now(),
  shipped_at timestamptz
);

CREATE INDEX orders_shipped_at_idx ON orders (shipped_at);
