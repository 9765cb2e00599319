-- confiture:no-transaction
-- Some statements cannot run inside a transaction block: this script runs in autocommit.
-- Hazards: INDEX_BUILD

-- Lock: SHARE UPDATE EXCLUSIVE on public.reservations
-- INDEX_BUILD: builds an index on public.reservations
SET lock_timeout = '3s';
SET statement_timeout = '20min';
CREATE INDEX CONCURRENTLY reservations_during_idx ON public.reservations USING gist (during);

RESET lock_timeout;
RESET statement_timeout;
