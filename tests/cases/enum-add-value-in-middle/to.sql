-- a value is inserted between two existing enum values
CREATE TYPE order_status AS ENUM ('pending', 'paid', 'packed', 'shipped');

CREATE TABLE orders (
  id integer PRIMARY KEY,
  status order_status NOT NULL DEFAULT 'pending'
);
