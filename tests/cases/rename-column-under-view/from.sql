CREATE TABLE customers (
  id integer PRIMARY KEY,
  name text NOT NULL
);

CREATE VIEW customer_names AS
  SELECT id, name FROM customers;
