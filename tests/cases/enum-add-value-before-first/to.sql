-- a value is inserted before the first enum value
CREATE TYPE order_status AS ENUM ('draft', 'pending', 'paid', 'shipped');

CREATE TABLE orders (
  id integer PRIMARY KEY,
  status order_status NOT NULL DEFAULT 'pending'
);
