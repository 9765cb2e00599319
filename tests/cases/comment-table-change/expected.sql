-- Hazards: none

-- Lock: SHARE UPDATE EXCLUSIVE on public.invoices
SET lock_timeout = '3s';
SET statement_timeout = '10s';
COMMENT ON TABLE "public"."invoices" IS 'Issued invoices, one row per document';

RESET lock_timeout;
RESET statement_timeout;
