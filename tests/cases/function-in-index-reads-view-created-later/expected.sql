-- confiture:no-transaction
-- Some statements cannot run inside a transaction block: this script runs in autocommit.
-- Hazards: INDEX_BUILD

SET check_function_bodies = off;

SET lock_timeout = '3s';
SET statement_timeout = '10s';
CREATE TABLE "public"."blocked_domains" (
    "domain" text NOT NULL,
    CONSTRAINT "blocked_domains_pkey" PRIMARY KEY (domain)
);

-- Lock: ACCESS SHARE on what it reads
CREATE VIEW "public"."active_blocked_domains" AS
 SELECT blocked_domains.domain
   FROM blocked_domains;

CREATE OR REPLACE FUNCTION public.email_is_blocked(email text)
 RETURNS boolean
 LANGUAGE plpgsql
 IMMUTABLE
AS $function$
BEGIN
  RETURN EXISTS (SELECT 1 FROM active_blocked_domains WHERE domain = split_part(email, '@', 2));
END
$function$;

-- Lock: SHARE UPDATE EXCLUSIVE on public.subscribers
-- INDEX_BUILD: builds an index on public.subscribers
SET statement_timeout = '20min';
CREATE INDEX CONCURRENTLY subscribers_blocked_idx ON public.subscribers USING btree (email_is_blocked(email));

RESET lock_timeout;
RESET statement_timeout;
RESET check_function_bodies;
