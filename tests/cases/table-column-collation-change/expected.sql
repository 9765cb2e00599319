-- Hazards: TABLE_REWRITE ACQUIRES_ACCESS_EXCLUSIVE_LOCK

-- Lock: ACCESS EXCLUSIVE on public.customers
-- TABLE_REWRITE: rewrites public.customers and rebuilds its indexes
-- ACQUIRES_ACCESS_EXCLUSIVE_LOCK: blocks reads and writes of public.customers while it is rewritten
SET lock_timeout = '3s';
SET statement_timeout = '20min';
ALTER TABLE "public"."customers" ALTER COLUMN "code" TYPE text COLLATE "pg_catalog"."C" USING "code"::text;

RESET lock_timeout;
RESET statement_timeout;
