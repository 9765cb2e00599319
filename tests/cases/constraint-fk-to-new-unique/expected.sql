-- confiture:no-transaction
-- Some statements cannot run inside a transaction block: this script runs in autocommit.
-- Hazards: INDEX_BUILD VALIDATION_MAY_FAIL

-- Lock: SHARE UPDATE EXCLUSIVE on public.currencies
-- INDEX_BUILD: builds a unique index on public.currencies
-- VALIDATION_MAY_FAIL: fails if public.currencies holds duplicates; a failed build leaves an invalid index public.currencies_iso_code_key to drop
SET lock_timeout = '3s';
SET statement_timeout = '20min';
CREATE UNIQUE INDEX CONCURRENTLY "currencies_iso_code_key" ON "public"."currencies" ("iso_code");

-- Lock: ACCESS EXCLUSIVE on public.currencies
SET statement_timeout = '10s';
ALTER TABLE "public"."currencies" ADD CONSTRAINT "currencies_iso_code_key" UNIQUE USING INDEX "currencies_iso_code_key";

-- Lock: SHARE ROW EXCLUSIVE on public.currencies, public.prices
ALTER TABLE "public"."prices" ADD CONSTRAINT "prices_currency_code_fkey" FOREIGN KEY ("currency_code") REFERENCES "public"."currencies" ("iso_code") NOT VALID;

-- Lock: SHARE UPDATE EXCLUSIVE on public.prices
-- VALIDATION_MAY_FAIL: fails if existing rows of public.prices break prices_currency_code_fkey; holds SHARE UPDATE EXCLUSIVE on public.prices and ROW SHARE on public.currencies while it scans (reads and writes go on), in a transaction of its own
SET statement_timeout = '20min';
ALTER TABLE "public"."prices" VALIDATE CONSTRAINT "prices_currency_code_fkey";

RESET lock_timeout;
RESET statement_timeout;
