-- a schema comment changes text
CREATE SCHEMA billing;

COMMENT ON SCHEMA billing IS 'Invoices and payments';
