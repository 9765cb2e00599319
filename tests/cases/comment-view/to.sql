-- a comment is added to a view
CREATE TABLE invoices (
  id integer PRIMARY KEY,
  total numeric(12, 2) NOT NULL,
  CONSTRAINT invoices_total_check CHECK (total >= 0)
);

CREATE VIEW large_invoices AS
  SELECT id, total FROM invoices WHERE total > 10000;

COMMENT ON VIEW large_invoices IS 'Invoices above the audit threshold';
