-- Hazards: none

-- Lock: SHARE UPDATE EXCLUSIVE on public.large_invoices
SET lock_timeout = '3s';
SET statement_timeout = '10s';
COMMENT ON VIEW "public"."large_invoices" IS 'Invoices above the audit threshold';

RESET lock_timeout;
RESET statement_timeout;
