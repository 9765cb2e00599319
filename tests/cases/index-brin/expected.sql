-- confiture:no-transaction
-- Some statements cannot run inside a transaction block: this script runs in autocommit.
-- Hazards: INDEX_BUILD

-- Lock: SHARE UPDATE EXCLUSIVE on public.orders
-- INDEX_BUILD: builds an index on public.orders
SET lock_timeout = '3s';
SET statement_timeout = '20min';
CREATE INDEX CONCURRENTLY orders_created_at_brin ON public.orders USING brin (created_at) WITH (pages_per_range='32');

RESET lock_timeout;
RESET statement_timeout;
