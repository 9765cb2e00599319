-- a comment is added to an index
CREATE TABLE invoices (
  id integer PRIMARY KEY,
  total numeric(12, 2) NOT NULL,
  CONSTRAINT invoices_total_check CHECK (total >= 0)
);

CREATE INDEX invoices_total_idx ON invoices (total);

COMMENT ON INDEX invoices_total_idx IS 'For the large-invoice report';
