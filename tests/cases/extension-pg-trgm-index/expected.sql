-- confiture:no-transaction
-- Some statements cannot run inside a transaction block: this script runs in autocommit.
-- Hazards: INDEX_BUILD

SET lock_timeout = '3s';
SET statement_timeout = '10s';
CREATE EXTENSION "pg_trgm" WITH SCHEMA "public" VERSION '1.6';

-- Lock: SHARE UPDATE EXCLUSIVE on public.articles
-- INDEX_BUILD: builds an index on public.articles
SET statement_timeout = '20min';
CREATE INDEX CONCURRENTLY articles_title_trgm_idx ON public.articles USING gin (title gin_trgm_ops);

RESET lock_timeout;
RESET statement_timeout;
