-- confiture:no-transaction
-- Some statements cannot run inside a transaction block: this script runs in autocommit.
-- Hazards: INDEX_BUILD

-- Lock: ACCESS EXCLUSIVE on public.orders
SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TABLE "public"."orders" ADD COLUMN "shipped_at" timestamp with time zone;

-- Lock: SHARE UPDATE EXCLUSIVE on public.orders
-- INDEX_BUILD: builds an index on public.orders
SET statement_timeout = '20min';
CREATE INDEX CONCURRENTLY orders_shipped_at_idx ON public.orders USING btree (shipped_at);

RESET lock_timeout;
RESET statement_timeout;
