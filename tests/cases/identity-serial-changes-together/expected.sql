-- Hazards: DELETES_DATA

SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TABLE "public"."orders" ALTER COLUMN "id" DROP DEFAULT;

-- DELETES_DATA: drops public.orders_id_seq and its current value
DROP SEQUENCE "public"."orders_id_seq";

ALTER TABLE "public"."orders" ALTER COLUMN "id" ADD GENERATED ALWAYS AS IDENTITY;

ALTER TABLE "public"."orders" ALTER COLUMN "legacy_number" DROP IDENTITY;

RESET lock_timeout;
RESET statement_timeout;
