-- confiture:no-transaction
-- Some statements cannot run inside a transaction block: this script runs in autocommit.
-- Hazards: DELETES_DATA INDEX_DROPPED

-- Lock: SHARE UPDATE EXCLUSIVE on public.orders
-- INDEX_DROPPED: queries on public.orders may lose public.orders_email_idx
SET lock_timeout = '3s';
SET statement_timeout = '10s';
DROP INDEX CONCURRENTLY "public"."orders_email_idx";

-- Lock: ACCESS EXCLUSIVE on public.orders
-- DELETES_DATA: drops column public.orders.email and its values
ALTER TABLE "public"."orders" DROP COLUMN "email";

RESET lock_timeout;
RESET statement_timeout;
