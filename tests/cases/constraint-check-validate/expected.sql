-- Hazards: VALIDATION_MAY_FAIL

-- Lock: SHARE UPDATE EXCLUSIVE on public.products
-- VALIDATION_MAY_FAIL: fails if existing rows of public.products break products_price_check; holds SHARE UPDATE EXCLUSIVE on public.products while it scans (reads and writes go on), in a transaction of its own
SET lock_timeout = '3s';
SET statement_timeout = '20min';
ALTER TABLE "public"."products" VALIDATE CONSTRAINT "products_price_check";

RESET lock_timeout;
RESET statement_timeout;
