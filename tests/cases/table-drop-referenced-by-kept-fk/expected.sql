-- Hazards: DELETES_DATA

-- Lock: ACCESS EXCLUSIVE on public.addresses, public.countries
SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TABLE "public"."addresses" DROP CONSTRAINT "addresses_country_code_fkey";

-- Lock: ACCESS EXCLUSIVE on public.countries
-- DELETES_DATA: drops public.countries and all its rows
DROP TABLE "public"."countries";

RESET lock_timeout;
RESET statement_timeout;
