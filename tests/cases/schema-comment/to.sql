-- a comment is added to an existing schema
CREATE SCHEMA billing;

COMMENT ON SCHEMA billing IS 'Invoices and payments';
