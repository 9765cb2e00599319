CREATE TABLE orders (
  id integer PRIMARY KEY,
  customer_id integer NOT NULL,
  email text,
  status text NOT NULL,
  total numeric(12, 2),
  created_at timestamptz NOT NULL DEFAULT now()
);
