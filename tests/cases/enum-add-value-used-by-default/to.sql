-- a new enum value becomes the column default (value must be committed before use)
CREATE TYPE order_status AS ENUM ('draft', 'pending', 'paid', 'shipped');

CREATE TABLE orders (
  id integer PRIMARY KEY,
  status order_status NOT NULL DEFAULT 'draft'
);
