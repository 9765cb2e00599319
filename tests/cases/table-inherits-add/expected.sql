-- Hazards: none

-- Lock: ACCESS EXCLUSIVE on public.trucks
SET lock_timeout = '3s';
SET statement_timeout = '20min';
ALTER TABLE "public"."trucks" INHERIT "public"."vehicles";

RESET lock_timeout;
RESET statement_timeout;
