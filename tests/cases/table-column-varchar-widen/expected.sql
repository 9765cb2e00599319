-- Hazards: none

-- Lock: ACCESS EXCLUSIVE on public.users
SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TABLE "public"."users" ALTER COLUMN "display_name" TYPE character varying(200);

RESET lock_timeout;
RESET statement_timeout;
