-- a column default stops calling a function before that function is dropped
CREATE TABLE invoices (
  id integer PRIMARY KEY,
  number text NOT NULL DEFAULT 'INV-0'
);
