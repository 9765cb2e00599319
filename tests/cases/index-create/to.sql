-- a btree index is created
CREATE TABLE orders (
  id integer PRIMARY KEY,
  customer_id integer NOT NULL,
  email text,
  status text NOT NULL,
  total numeric(12, 2),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX orders_customer_id_idx ON orders (customer_id);
