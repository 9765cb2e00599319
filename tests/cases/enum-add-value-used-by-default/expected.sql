-- confiture:no-transaction
-- Some statements cannot run inside a transaction block: this script runs in autocommit.
-- Hazards: none

-- Lock: ACCESS EXCLUSIVE on public.orders
SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TABLE "public"."orders" ALTER COLUMN "status" DROP DEFAULT;

ALTER TYPE "public"."order_status" ADD VALUE 'draft' BEFORE 'pending';

-- Lock: ACCESS EXCLUSIVE on public.orders
ALTER TABLE "public"."orders" ALTER COLUMN "status" SET DEFAULT 'draft'::order_status;

RESET lock_timeout;
RESET statement_timeout;
