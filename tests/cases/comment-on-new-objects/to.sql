-- comments are created after the new table, column and view they describe
CREATE TABLE invoices (
  id integer PRIMARY KEY,
  total numeric(12, 2) NOT NULL,
  CONSTRAINT invoices_total_check CHECK (total >= 0)
);

CREATE VIEW large_invoices AS
  SELECT id, total FROM invoices WHERE total > 10000;

COMMENT ON TABLE invoices IS 'Issued invoices';

COMMENT ON COLUMN invoices.total IS 'Amount including tax';

COMMENT ON VIEW large_invoices IS 'Invoices above the audit threshold';
