-- a stored generated column is dropped
CREATE TABLE order_lines (
  id integer PRIMARY KEY,
  quantity integer NOT NULL,
  unit_price numeric(10, 2) NOT NULL
);
