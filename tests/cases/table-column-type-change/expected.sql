-- Hazards: TABLE_REWRITE ACQUIRES_ACCESS_EXCLUSIVE_LOCK

-- Lock: ACCESS EXCLUSIVE on public.line_items
-- TABLE_REWRITE: rewrites public.line_items and rebuilds its indexes
-- ACQUIRES_ACCESS_EXCLUSIVE_LOCK: blocks reads and writes of public.line_items while it is rewritten
SET lock_timeout = '3s';
SET statement_timeout = '20min';
ALTER TABLE "public"."line_items" ALTER COLUMN "quantity" TYPE bigint USING "quantity"::bigint;

RESET lock_timeout;
RESET statement_timeout;
