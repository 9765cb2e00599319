-- Hazards: none

-- Lock: SHARE UPDATE EXCLUSIVE on public.invoices
SET lock_timeout = '3s';
SET statement_timeout = '10s';
COMMENT ON COLUMN "public"."invoices"."total" IS 'Amount including tax, in euros';

RESET lock_timeout;
RESET statement_timeout;
