-- Hazards: DELETES_DATA

-- Lock: ACCESS EXCLUSIVE on public.orders
SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TABLE "public"."orders" ALTER COLUMN "id" DROP DEFAULT;

-- Lock: ACCESS EXCLUSIVE on public.orders_id_seq
-- DELETES_DATA: drops public.orders_id_seq and its current value
DROP SEQUENCE "public"."orders_id_seq";

-- Lock: ACCESS EXCLUSIVE on public.orders
ALTER TABLE "public"."orders" ALTER COLUMN "id" ADD GENERATED ALWAYS AS IDENTITY;

-- Lock: ACCESS EXCLUSIVE on public.orders, public.orders_legacy_number_seq
ALTER TABLE "public"."orders" ALTER COLUMN "legacy_number" DROP IDENTITY;

RESET lock_timeout;
RESET statement_timeout;
