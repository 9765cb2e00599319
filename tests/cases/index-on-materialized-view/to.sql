-- an index is created on a new materialized view
CREATE TABLE orders (
  id integer PRIMARY KEY,
  customer_id integer NOT NULL,
  email text,
  status text NOT NULL,
  total numeric(12, 2),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE MATERIALIZED VIEW customer_totals AS
  SELECT customer_id, sum(total) AS total FROM orders GROUP BY customer_id;

CREATE UNIQUE INDEX customer_totals_customer_id_idx ON customer_totals (customer_id);
