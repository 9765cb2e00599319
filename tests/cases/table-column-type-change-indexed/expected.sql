-- Hazards: TABLE_REWRITE ACQUIRES_ACCESS_EXCLUSIVE_LOCK

-- Lock: ACCESS EXCLUSIVE on public.events
-- TABLE_REWRITE: rewrites public.events and rebuilds its indexes
-- ACQUIRES_ACCESS_EXCLUSIVE_LOCK: blocks reads and writes of public.events while it is rewritten
SET lock_timeout = '3s';
SET statement_timeout = '20min';
ALTER TABLE "public"."events" ALTER COLUMN "account_id" TYPE bigint USING "account_id"::bigint;

RESET lock_timeout;
RESET statement_timeout;
