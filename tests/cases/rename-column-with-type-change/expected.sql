-- Hazards: none

-- Lock: ACCESS EXCLUSIVE on public.customers
SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TABLE "public"."customers" RENAME COLUMN "phone" TO "phone_number";

-- Lock: ACCESS EXCLUSIVE on public.customers
ALTER TABLE "public"."customers" ALTER COLUMN "phone_number" TYPE character varying(32);

RESET lock_timeout;
RESET statement_timeout;
