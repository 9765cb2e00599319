-- confiture:no-transaction
-- Some statements cannot run inside a transaction block: this script runs in autocommit.
-- Hazards: INDEX_BUILD

-- Lock: ACCESS EXCLUSIVE on public."CustomerOrders"
SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TABLE "public"."CustomerOrders" ADD COLUMN "Total Amount" numeric(12,2) DEFAULT 0 NOT NULL;

-- Lock: ACCESS EXCLUSIVE on public."CustomerOrders"
ALTER TABLE "public"."CustomerOrders" ADD COLUMN "placedAt" timestamp with time zone;

-- Lock: SHARE UPDATE EXCLUSIVE on public."CustomerOrders"
-- INDEX_BUILD: builds an index on public."CustomerOrders"
SET statement_timeout = '20min';
CREATE INDEX CONCURRENTLY "CustomerOrders_placedAt_idx" ON public."CustomerOrders" USING btree ("placedAt");

RESET lock_timeout;
RESET statement_timeout;
