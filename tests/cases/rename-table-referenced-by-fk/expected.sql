-- confiture:no-transaction
-- Some statements cannot run inside a transaction block: this script runs in autocommit.
-- Hazards: ACQUIRES_ACCESS_EXCLUSIVE_LOCK INDEX_BUILD INDEX_DROPPED VALIDATION_MAY_FAIL

-- Lock: ACCESS EXCLUSIVE on public.clients
SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TABLE "public"."clients" RENAME TO "customers";

-- Lock: ACCESS EXCLUSIVE on public.customers, public.orders
ALTER TABLE "public"."orders" DROP CONSTRAINT "orders_client_id_fkey";

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

-- Lock: SHARE ROW EXCLUSIVE on public.customers, public.orders
ALTER TABLE "public"."orders" ADD CONSTRAINT "orders_client_id_fkey" FOREIGN KEY ("client_id") REFERENCES "public"."customers" ("id") NOT VALID;

-- Lock: SHARE UPDATE EXCLUSIVE on public.orders
-- VALIDATION_MAY_FAIL: fails if existing rows of public.orders break orders_client_id_fkey; holds SHARE UPDATE EXCLUSIVE on public.orders and ROW SHARE on public.customers while it scans (reads and writes go on), in a transaction of its own
SET statement_timeout = '20min';
ALTER TABLE "public"."orders" VALIDATE CONSTRAINT "orders_client_id_fkey";

RESET lock_timeout;
RESET statement_timeout;
