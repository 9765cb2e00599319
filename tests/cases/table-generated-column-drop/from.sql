CREATE TABLE order_lines (
  id integer PRIMARY KEY,
  quantity integer NOT NULL,
  unit_price numeric(10, 2) NOT NULL,
  total numeric GENERATED ALWAYS AS (quantity * unit_price) STORED
);
