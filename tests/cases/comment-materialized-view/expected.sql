-- Hazards: none

-- Lock: SHARE UPDATE EXCLUSIVE on public.invoice_totals
SET lock_timeout = '3s';
SET statement_timeout = '10s';
COMMENT ON MATERIALIZED VIEW "public"."invoice_totals" IS 'Refreshed nightly';

RESET lock_timeout;
RESET statement_timeout;
