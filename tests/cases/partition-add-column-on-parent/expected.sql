-- Hazards: none

-- Lock: ACCESS EXCLUSIVE on public.measurements
SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TABLE "public"."measurements" ADD COLUMN "unit" text;

RESET lock_timeout;
RESET statement_timeout;
