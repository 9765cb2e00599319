CREATE TABLE invoices (
  id integer PRIMARY KEY,
  total numeric(12, 2) NOT NULL,
  CONSTRAINT invoices_total_check CHECK (total >= 0)
);

CREATE VIEW large_invoices AS
  SELECT id, total FROM invoices WHERE total > 10000;
