-- Hazards: none

-- Lock: ACCESS EXCLUSIVE on public.products
SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TABLE "public"."products" DROP CONSTRAINT "products_price_check";

RESET lock_timeout;
RESET statement_timeout;
