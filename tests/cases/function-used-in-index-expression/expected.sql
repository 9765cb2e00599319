-- confiture:no-transaction
-- Some statements cannot run inside a transaction block: this script runs in autocommit.
-- Hazards: INDEX_BUILD

SET check_function_bodies = off;

SET lock_timeout = '3s';
SET statement_timeout = '10s';
CREATE OR REPLACE FUNCTION public.normalize_email(email text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT lower(trim(email)) $function$;

-- Lock: SHARE UPDATE EXCLUSIVE on public.subscribers
-- INDEX_BUILD: builds an index on public.subscribers
SET statement_timeout = '20min';
CREATE UNIQUE INDEX CONCURRENTLY subscribers_email_key ON public.subscribers USING btree (normalize_email(email));

RESET lock_timeout;
RESET statement_timeout;
RESET check_function_bodies;
