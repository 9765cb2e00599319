-- Hazards: VALIDATION_MAY_FAIL
-- Each `-- confiture:commit` line commits the statements before it: a VALIDATE runs in a transaction of its own and holds only SHARE UPDATE EXCLUSIVE (apply it with `confiture migrate up`, or psql without -1/--single-transaction).

-- Lock: ACCESS EXCLUSIVE on public.customers
SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TABLE "public"."customers" ADD CONSTRAINT "email_not_null" CHECK ("email" IS NOT NULL) NOT VALID;

-- confiture:commit

-- Lock: SHARE UPDATE EXCLUSIVE on public.customers
-- VALIDATION_MAY_FAIL: fails if column public.customers.email holds NULLs; holds SHARE UPDATE EXCLUSIVE on public.customers while it scans (reads and writes go on), in a transaction of its own
SET statement_timeout = '20min';
ALTER TABLE "public"."customers" VALIDATE CONSTRAINT "email_not_null";

-- confiture:commit

-- Lock: ACCESS EXCLUSIVE on public.customers
SET statement_timeout = '10s';
ALTER TABLE "public"."customers" ALTER COLUMN "email" SET NOT NULL;

-- Lock: ACCESS EXCLUSIVE on public.customers
ALTER TABLE "public"."customers" DROP CONSTRAINT "email_not_null";

RESET lock_timeout;
RESET statement_timeout;
