CREATE TABLE prices (
  id integer PRIMARY KEY,
  amount numeric(12,4)
);
