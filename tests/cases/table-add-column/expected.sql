-- Hazards: none

-- Lock: ACCESS EXCLUSIVE on public.customers
SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TABLE "public"."customers" ADD COLUMN "email" text;

RESET lock_timeout;
RESET statement_timeout;
