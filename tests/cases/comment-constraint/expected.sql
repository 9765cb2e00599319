-- Hazards: none

-- Lock: ACCESS SHARE on what it reads
SET lock_timeout = '3s';
SET statement_timeout = '10s';
COMMENT ON CONSTRAINT "invoices_total_check" ON "public"."invoices" IS 'Credit notes live elsewhere';

RESET lock_timeout;
RESET statement_timeout;
