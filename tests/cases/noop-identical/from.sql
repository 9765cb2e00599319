CREATE TYPE order_status AS ENUM ('pending', 'paid', 'shipped');

CREATE TABLE orders (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  status order_status NOT NULL DEFAULT 'pending',
  total numeric(12, 2) NOT NULL CHECK (total >= 0)
);

CREATE INDEX orders_status_idx ON orders (status);

CREATE VIEW pending_orders AS
  SELECT id, total FROM orders WHERE status = 'pending';
