-- a comment is added to a column
CREATE TABLE invoices (
  id integer PRIMARY KEY,
  total numeric(12, 2) NOT NULL,
  CONSTRAINT invoices_total_check CHECK (total >= 0)
);

COMMENT ON COLUMN invoices.total IS 'Amount including tax, in euros';
