-- Hazards: TABLE_REWRITE ACQUIRES_ACCESS_EXCLUSIVE_LOCK

-- Lock: ACCESS EXCLUSIVE on public.import_rows
-- TABLE_REWRITE: rewrites public.import_rows
-- ACQUIRES_ACCESS_EXCLUSIVE_LOCK: blocks reads and writes of public.import_rows while it is rewritten
SET lock_timeout = '3s';
SET statement_timeout = '20min';
ALTER TABLE "public"."import_rows" SET UNLOGGED;

RESET lock_timeout;
RESET statement_timeout;
