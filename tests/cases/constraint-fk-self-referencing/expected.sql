-- Hazards: VALIDATION_MAY_FAIL
-- Each `-- confiture:commit` line commits the statements before it: a VALIDATE runs in a transaction of its own and holds only SHARE UPDATE EXCLUSIVE (apply it with `confiture migrate up`, or psql without -1/--single-transaction).

-- Lock: SHARE ROW EXCLUSIVE on public.employees
SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TABLE "public"."employees" ADD CONSTRAINT "employees_manager_id_fkey" FOREIGN KEY ("manager_id") REFERENCES "public"."employees" ("id") ON DELETE SET NULL NOT VALID;

-- confiture:commit

-- Lock: SHARE UPDATE EXCLUSIVE on public.employees
-- VALIDATION_MAY_FAIL: fails if existing rows of public.employees break employees_manager_id_fkey; holds SHARE UPDATE EXCLUSIVE on public.employees while it scans (reads and writes go on), in a transaction of its own
SET statement_timeout = '20min';
ALTER TABLE "public"."employees" VALIDATE CONSTRAINT "employees_manager_id_fkey";

RESET lock_timeout;
RESET statement_timeout;
