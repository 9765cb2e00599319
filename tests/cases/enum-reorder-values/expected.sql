-- Hazards: TABLE_REWRITE ACQUIRES_ACCESS_EXCLUSIVE_LOCK VALIDATION_MAY_FAIL

SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TYPE "public"."priority" RENAME TO "priority__confiture_old";

CREATE TYPE "public"."priority" AS ENUM ('low', 'medium', 'high');

-- Lock: ACCESS EXCLUSIVE on public.tickets
-- TABLE_REWRITE: rewrites public.tickets
-- ACQUIRES_ACCESS_EXCLUSIVE_LOCK: blocks reads and writes of public.tickets while it is rewritten
-- VALIDATION_MAY_FAIL: fails if public.tickets.priority holds a value the new public.priority refuses
SET statement_timeout = '20min';
ALTER TABLE "public"."tickets" ALTER COLUMN "priority" TYPE priority USING "priority"::text::priority;

SET statement_timeout = '10s';
DROP TYPE "public"."priority__confiture_old";

RESET lock_timeout;
RESET statement_timeout;
