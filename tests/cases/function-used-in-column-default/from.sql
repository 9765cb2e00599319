CREATE TABLE invoices (
  id integer PRIMARY KEY,
  number text NOT NULL
);
