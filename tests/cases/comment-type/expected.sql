-- Hazards: none

SET lock_timeout = '3s';
SET statement_timeout = '10s';
COMMENT ON TYPE "public"."invoice_state" IS 'Lifecycle of an invoice';

COMMENT ON DOMAIN "public"."positive_amount" IS 'Strictly positive money amount';

RESET lock_timeout;
RESET statement_timeout;
