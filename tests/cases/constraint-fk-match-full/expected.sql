-- Hazards: VALIDATION_MAY_FAIL

SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TABLE "public"."stock" DROP CONSTRAINT "stock_warehouse_fkey";

ALTER TABLE "public"."stock" ADD CONSTRAINT "stock_warehouse_fkey" FOREIGN KEY ("region", "warehouse_code") REFERENCES "public"."warehouses" ("region", "code") MATCH FULL NOT VALID;

-- VALIDATION_MAY_FAIL: fails if existing rows of public.stock break stock_warehouse_fkey
SET statement_timeout = '20min';
ALTER TABLE "public"."stock" VALIDATE CONSTRAINT "stock_warehouse_fkey";

RESET lock_timeout;
RESET statement_timeout;
