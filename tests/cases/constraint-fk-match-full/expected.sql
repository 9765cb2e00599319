-- Hazards: VALIDATION_MAY_FAIL
-- Each `-- confiture:commit` line commits the statements before it: a VALIDATE runs in a transaction of its own and holds only SHARE UPDATE EXCLUSIVE (apply it with `confiture migrate up`, or psql without -1/--single-transaction).

-- Lock: ACCESS EXCLUSIVE on public.stock, public.warehouses
SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TABLE "public"."stock" DROP CONSTRAINT "stock_warehouse_fkey";

-- Lock: SHARE ROW EXCLUSIVE on public.stock, public.warehouses
ALTER TABLE "public"."stock" ADD CONSTRAINT "stock_warehouse_fkey" FOREIGN KEY ("region", "warehouse_code") REFERENCES "public"."warehouses" ("region", "code") MATCH FULL NOT VALID;

-- confiture:commit

-- Lock: SHARE UPDATE EXCLUSIVE on public.stock
-- VALIDATION_MAY_FAIL: fails if existing rows of public.stock break stock_warehouse_fkey; holds SHARE UPDATE EXCLUSIVE on public.stock and ROW SHARE on public.warehouses while it scans (reads and writes go on), in a transaction of its own
SET statement_timeout = '20min';
ALTER TABLE "public"."stock" VALIDATE CONSTRAINT "stock_warehouse_fkey";

RESET lock_timeout;
RESET statement_timeout;
