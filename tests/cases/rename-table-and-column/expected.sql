-- confiture:no-transaction
-- Some statements cannot run inside a transaction block: this script runs in autocommit.
-- Hazards: ACQUIRES_ACCESS_EXCLUSIVE_LOCK INDEX_BUILD INDEX_DROPPED VALIDATION_MAY_FAIL

-- Lock: ACCESS EXCLUSIVE on public.clients
SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TABLE "public"."clients" RENAME TO "customers";

-- Lock: ACCESS EXCLUSIVE on public.customers
ALTER TABLE "public"."customers" RENAME COLUMN "name" TO "full_name";

-- Lock: ACCESS EXCLUSIVE on public.customers
-- INDEX_DROPPED: drops the index behind clients_pkey: queries may lose it
ALTER TABLE "public"."customers" DROP CONSTRAINT "clients_pkey";

-- Lock: SHARE UPDATE EXCLUSIVE on public.customers
-- INDEX_BUILD: builds a unique index on public.customers
-- VALIDATION_MAY_FAIL: fails if public.customers holds duplicates; a failed build leaves an invalid index public.customers_pkey to drop
SET statement_timeout = '20min';
CREATE UNIQUE INDEX CONCURRENTLY "customers_pkey" ON "public"."customers" ("id");

-- Lock: ACCESS EXCLUSIVE on public.customers
-- ACQUIRES_ACCESS_EXCLUSIVE_LOCK: sets the key columns NOT NULL, which scans public.customers unless they already are
SET statement_timeout = '10s';
ALTER TABLE "public"."customers" ADD CONSTRAINT "customers_pkey" PRIMARY KEY USING INDEX "customers_pkey";

RESET lock_timeout;
RESET statement_timeout;
