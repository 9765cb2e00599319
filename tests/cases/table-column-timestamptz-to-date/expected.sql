-- Hazards: DELETES_DATA TABLE_REWRITE ACQUIRES_ACCESS_EXCLUSIVE_LOCK

-- Lock: ACCESS EXCLUSIVE on public.events
-- TABLE_REWRITE: rewrites public.events and rebuilds its indexes
-- ACQUIRES_ACCESS_EXCLUSIVE_LOCK: blocks reads and writes of public.events while it is rewritten
-- DELETES_DATA: drops the time of day from values of column public.events.happened_at
SET lock_timeout = '3s';
SET statement_timeout = '20min';
ALTER TABLE "public"."events" ALTER COLUMN "happened_at" TYPE date USING "happened_at"::date;

RESET lock_timeout;
RESET statement_timeout;
