-- Hazards: VALIDATION_MAY_FAIL

SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TABLE "public"."invoices" DROP CONSTRAINT "invoices_total_check";

ALTER TABLE "public"."invoices" ADD CONSTRAINT "invoices_total_check" CHECK ((total > (0)::numeric)) NOT VALID;

-- VALIDATION_MAY_FAIL: fails if existing rows of public.invoices break invoices_total_check
SET statement_timeout = '20min';
ALTER TABLE "public"."invoices" VALIDATE CONSTRAINT "invoices_total_check";

SET statement_timeout = '10s';
COMMENT ON CONSTRAINT "invoices_total_check" ON "public"."invoices" IS 'No negative invoices';

RESET lock_timeout;
RESET statement_timeout;
