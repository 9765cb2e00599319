-- Hazards: DELETES_DATA TABLE_REWRITE ACQUIRES_ACCESS_EXCLUSIVE_LOCK

-- Lock: ACCESS EXCLUSIVE on public.readings
-- TABLE_REWRITE: rewrites public.readings and rebuilds its indexes
-- ACQUIRES_ACCESS_EXCLUSIVE_LOCK: blocks reads and writes of public.readings while it is rewritten
-- DELETES_DATA: rounds values of column public.readings.value to the 6 significant digits real holds (and fails on a value out of real's range)
SET lock_timeout = '3s';
SET statement_timeout = '20min';
ALTER TABLE "public"."readings" ALTER COLUMN "value" TYPE real USING "value"::real;

RESET lock_timeout;
RESET statement_timeout;
