-- confiture:no-transaction
-- Some statements cannot run inside a transaction block: this script runs in autocommit.
-- Hazards: INDEX_BUILD INDEX_DROPPED VALIDATION_MAY_FAIL

-- Lock: ACCESS EXCLUSIVE on public.users
-- INDEX_DROPPED: drops the index behind users_email_key: queries may lose it
SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TABLE "public"."users" DROP CONSTRAINT "users_email_key";

-- Lock: SHARE UPDATE EXCLUSIVE on public.users
-- INDEX_BUILD: builds a unique index on public.users
-- VALIDATION_MAY_FAIL: fails if public.users holds duplicates; a failed build leaves an invalid index public.users_email_key to drop
SET statement_timeout = '20min';
CREATE UNIQUE INDEX CONCURRENTLY "users_email_key" ON "public"."users" ("tenant_id", "email");

-- Lock: ACCESS EXCLUSIVE on public.users
SET statement_timeout = '10s';
ALTER TABLE "public"."users" ADD CONSTRAINT "users_email_key" UNIQUE USING INDEX "users_email_key";

RESET lock_timeout;
RESET statement_timeout;
