-- Hazards: none

-- Lock: ACCESS EXCLUSIVE on public.trucks
SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TABLE "public"."trucks" NO INHERIT "public"."vehicles";

RESET lock_timeout;
RESET statement_timeout;
