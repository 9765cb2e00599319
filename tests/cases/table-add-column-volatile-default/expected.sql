-- Hazards: none

-- Lock: ACCESS EXCLUSIVE on public.customers
SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TABLE "public"."customers" ADD COLUMN "external_id" uuid DEFAULT gen_random_uuid() NOT NULL;

RESET lock_timeout;
RESET statement_timeout;
