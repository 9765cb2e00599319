-- Hazards: DELETES_DATA TABLE_REWRITE ACQUIRES_ACCESS_EXCLUSIVE_LOCK

-- Lock: ACCESS EXCLUSIVE on public.prices
-- TABLE_REWRITE: rewrites public.prices and rebuilds its indexes
-- ACQUIRES_ACCESS_EXCLUSIVE_LOCK: blocks reads and writes of public.prices while it is rewritten
-- DELETES_DATA: rounds values of column public.prices.amount from 4 to 1 decimal place(s)
SET lock_timeout = '3s';
SET statement_timeout = '20min';
ALTER TABLE "public"."prices" ALTER COLUMN "amount" TYPE numeric(12,1) USING "amount"::numeric;

RESET lock_timeout;
RESET statement_timeout;
