-- confiture:no-transaction
-- Some statements cannot run inside a transaction block: this script runs in autocommit.
-- Hazards: INDEX_BUILD INDEX_DROPPED

-- Lock: SHARE UPDATE EXCLUSIVE on public.orders
-- INDEX_DROPPED: queries on public.orders may lose public.orders_lookup_idx
SET lock_timeout = '3s';
SET statement_timeout = '10s';
DROP INDEX CONCURRENTLY "public"."orders_lookup_idx";

-- Lock: SHARE UPDATE EXCLUSIVE on public.orders
-- INDEX_BUILD: builds an index on public.orders
SET statement_timeout = '20min';
CREATE INDEX CONCURRENTLY orders_lookup_idx ON public.orders USING btree (status, created_at);

RESET lock_timeout;
RESET statement_timeout;
