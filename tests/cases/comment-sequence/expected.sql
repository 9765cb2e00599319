-- Hazards: none

-- Lock: SHARE UPDATE EXCLUSIVE on public.invoice_number_seq
SET lock_timeout = '3s';
SET statement_timeout = '10s';
COMMENT ON SEQUENCE "public"."invoice_number_seq" IS 'Legal invoice numbering, never reset';

RESET lock_timeout;
RESET statement_timeout;
