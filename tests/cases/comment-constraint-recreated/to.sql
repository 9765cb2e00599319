-- a commented CHECK constraint changes: it is dropped and added again, and its comment set again
CREATE TABLE invoices (
  id integer PRIMARY KEY,
  total numeric(12, 2) NOT NULL,
  CONSTRAINT invoices_total_check CHECK (total > 0)
);

COMMENT ON CONSTRAINT invoices_total_check ON invoices IS 'No negative invoices';
