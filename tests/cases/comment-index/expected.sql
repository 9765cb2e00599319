-- Hazards: none

-- Lock: SHARE UPDATE EXCLUSIVE on public.invoices
SET lock_timeout = '3s';
SET statement_timeout = '10s';
COMMENT ON INDEX "public"."invoices_total_idx" IS 'For the large-invoice report';

RESET lock_timeout;
RESET statement_timeout;
