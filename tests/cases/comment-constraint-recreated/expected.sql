-- Hazards: VALIDATION_MAY_FAIL
-- Each `-- confiture:commit` line commits the statements before it: a VALIDATE runs in a transaction of its own and holds only SHARE UPDATE EXCLUSIVE (apply it with `confiture migrate up`, or psql without -1/--single-transaction).

-- Lock: ACCESS EXCLUSIVE on public.invoices
SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TABLE "public"."invoices" DROP CONSTRAINT "invoices_total_check";

-- Lock: ACCESS EXCLUSIVE on public.invoices
ALTER TABLE "public"."invoices" ADD CONSTRAINT "invoices_total_check" CHECK ((total > (0)::numeric)) NOT VALID;

-- Lock: ACCESS SHARE on what it reads
COMMENT ON CONSTRAINT "invoices_total_check" ON "public"."invoices" IS 'No negative invoices';

-- confiture:commit

-- Lock: SHARE UPDATE EXCLUSIVE on public.invoices
-- VALIDATION_MAY_FAIL: fails if existing rows of public.invoices break invoices_total_check; holds SHARE UPDATE EXCLUSIVE on public.invoices while it scans (reads and writes go on), in a transaction of its own
SET statement_timeout = '20min';
ALTER TABLE "public"."invoices" VALIDATE CONSTRAINT "invoices_total_check";

RESET lock_timeout;
RESET statement_timeout;
