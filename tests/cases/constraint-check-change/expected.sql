-- Hazards: VALIDATION_MAY_FAIL
-- Each `-- confiture:commit` line commits the statements before it: a VALIDATE runs in a transaction of its own and holds only SHARE UPDATE EXCLUSIVE (apply it with `confiture migrate up`, or psql without -1/--single-transaction).

-- Lock: ACCESS EXCLUSIVE on public.products
SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TABLE "public"."products" DROP CONSTRAINT "products_price_check";

-- Lock: ACCESS EXCLUSIVE on public.products
ALTER TABLE "public"."products" ADD CONSTRAINT "products_price_check" CHECK (((price > (0)::numeric) AND (price < (100000)::numeric))) NOT VALID;

-- confiture:commit

-- Lock: SHARE UPDATE EXCLUSIVE on public.products
-- VALIDATION_MAY_FAIL: fails if existing rows of public.products break products_price_check; holds SHARE UPDATE EXCLUSIVE on public.products while it scans (reads and writes go on), in a transaction of its own
SET statement_timeout = '20min';
ALTER TABLE "public"."products" VALIDATE CONSTRAINT "products_price_check";

RESET lock_timeout;
RESET statement_timeout;
