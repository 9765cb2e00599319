CREATE TABLE customers (
  id integer PRIMARY KEY
);

CREATE TABLE orders (
  id integer PRIMARY KEY,
  customer_id integer NOT NULL,
  CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id)
);

COMMENT ON CONSTRAINT orders_customer_fk ON orders IS 'Every order has a customer';
