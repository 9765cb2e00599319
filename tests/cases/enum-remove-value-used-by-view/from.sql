CREATE TYPE order_status AS ENUM ('pending', 'paid', 'cancelled', 'shipped');

CREATE TABLE orders (
  id integer PRIMARY KEY,
  status order_status NOT NULL
);

CREATE VIEW open_orders AS
  SELECT id, status FROM orders WHERE status <> 'shipped';
