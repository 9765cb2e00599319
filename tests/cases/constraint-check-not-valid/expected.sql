-- Hazards: none

-- Lock: ACCESS EXCLUSIVE on public.products
SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TABLE "public"."products" ADD CONSTRAINT "products_price_check" CHECK ((price >= (0)::numeric)) NOT VALID;

RESET lock_timeout;
RESET statement_timeout;
