-- a CHECK constraint is added
CREATE TABLE products (
  id integer PRIMARY KEY,
  price numeric(10, 2) NOT NULL,
  CONSTRAINT products_price_check CHECK (price >= 0)
);
