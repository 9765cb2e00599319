-- confiture:no-transaction
-- Some statements cannot run inside a transaction block: this script runs in autocommit.
-- Hazards: INDEX_BUILD

-- Lock: SHARE UPDATE EXCLUSIVE on public.events
-- INDEX_BUILD: builds an index on public.events
SET lock_timeout = '3s';
SET statement_timeout = '20min';
CREATE INDEX CONCURRENTLY events_payload_idx ON public.events USING gin (payload jsonb_path_ops);

RESET lock_timeout;
RESET statement_timeout;
