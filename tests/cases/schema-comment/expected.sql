-- Hazards: none

SET lock_timeout = '3s';
SET statement_timeout = '10s';
COMMENT ON SCHEMA "billing" IS 'Invoices and payments';

RESET lock_timeout;
RESET statement_timeout;
