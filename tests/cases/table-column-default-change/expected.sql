-- Hazards: none

-- Lock: ACCESS EXCLUSIVE on public.customers
SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TABLE "public"."customers"
    ALTER COLUMN "status" DROP DEFAULT,
    ALTER COLUMN "status" SET DEFAULT 'pending'::text;

RESET lock_timeout;
RESET statement_timeout;
