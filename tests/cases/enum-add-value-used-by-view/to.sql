-- a value is added to an enum that a view filters on (view stays)
CREATE TYPE order_status AS ENUM ('pending', 'paid', 'shipped', 'returned');

CREATE TABLE orders (
  id integer PRIMARY KEY,
  status order_status NOT NULL
);

CREATE VIEW open_orders AS
  SELECT id, status FROM orders WHERE status <> 'shipped';
