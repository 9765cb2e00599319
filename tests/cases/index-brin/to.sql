-- a BRIN index with a storage parameter is created
CREATE TABLE orders (
  id integer PRIMARY KEY,
  customer_id integer NOT NULL,
  email text,
  status text NOT NULL,
  total numeric(12, 2),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX orders_created_at_brin ON orders USING brin (created_at) WITH (pages_per_range = 32);
