-- Hazards: none

-- Lock: SHARE ROW EXCLUSIVE on public.invoice_number_seq
SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER SEQUENCE "public"."invoice_number_seq" INCREMENT BY 10;

RESET lock_timeout;
RESET statement_timeout;
