-- an index keeps its name but covers different columns in a different order
CREATE TABLE orders (
  id integer PRIMARY KEY,
  customer_id integer NOT NULL,
  email text,
  status text NOT NULL,
  total numeric(12, 2),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX orders_lookup_idx ON orders (status, created_at);
