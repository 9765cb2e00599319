-- Hazards: none

SET lock_timeout = '3s';
SET statement_timeout = '10s';
COMMENT ON FUNCTION "public"."add_tax"(amount numeric) IS 'French standard VAT rate';

RESET lock_timeout;
RESET statement_timeout;
