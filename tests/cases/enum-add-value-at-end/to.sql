-- a value is appended to an enum used by a column
CREATE TYPE order_status AS ENUM ('pending', 'paid', 'shipped', 'delivered');

CREATE TABLE orders (
  id integer PRIMARY KEY,
  status order_status NOT NULL DEFAULT 'pending'
);
