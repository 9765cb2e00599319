-- Hazards: DELETES_DATA

-- Lock: ACCESS EXCLUSIVE on public.invoice_number_seq
-- DELETES_DATA: drops public.invoice_number_seq and its current value
SET lock_timeout = '3s';
SET statement_timeout = '10s';
DROP SEQUENCE "public"."invoice_number_seq";

RESET lock_timeout;
RESET statement_timeout;
