-- Hazards: none

-- Lock: ACCESS EXCLUSIVE on public.notes
SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TABLE "public"."notes" ALTER COLUMN "id" ADD GENERATED ALWAYS AS IDENTITY;

RESET lock_timeout;
RESET statement_timeout;
