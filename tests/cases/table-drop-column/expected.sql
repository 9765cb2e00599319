-- Hazards: DELETES_DATA

-- Lock: ACCESS EXCLUSIVE on public.customers
-- DELETES_DATA: drops column public.customers.fax and its values
SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TABLE "public"."customers" DROP COLUMN "fax";

RESET lock_timeout;
RESET statement_timeout;
