-- a column read by a view is renamed (the view follows the rename)
CREATE TABLE customers (
  id integer PRIMARY KEY,
  full_name text NOT NULL -- confiture:renamed-from name
);

CREATE VIEW customer_names AS
  SELECT id, full_name FROM customers;
