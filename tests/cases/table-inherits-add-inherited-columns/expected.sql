-- Hazards: none
-- Note: public.trucks keeps its own declaration of id, plate after INHERIT public.vehicles (PostgreSQL has no statement that removes it): if public.vehicles later drops them, public.trucks keeps them

-- Lock: ACCESS EXCLUSIVE on public.trucks
SET lock_timeout = '3s';
SET statement_timeout = '20min';
ALTER TABLE "public"."trucks" INHERIT "public"."vehicles";

RESET lock_timeout;
RESET statement_timeout;
