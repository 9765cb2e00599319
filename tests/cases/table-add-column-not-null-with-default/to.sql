-- a NOT NULL column with a constant default is appended (no rewrite)
CREATE TABLE customers (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL,
  country char(2) NOT NULL DEFAULT 'FR'
);
