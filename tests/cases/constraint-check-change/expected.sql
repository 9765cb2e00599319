-- Hazards: VALIDATION_MAY_FAIL

SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TABLE "public"."products" DROP CONSTRAINT "products_price_check";

ALTER TABLE "public"."products" ADD CONSTRAINT "products_price_check" CHECK (((price > (0)::numeric) AND (price < (100000)::numeric))) NOT VALID;

-- VALIDATION_MAY_FAIL: fails if existing rows of public.products break products_price_check
SET statement_timeout = '20min';
ALTER TABLE "public"."products" VALIDATE CONSTRAINT "products_price_check";

RESET lock_timeout;
RESET statement_timeout;
