-- confiture:no-transaction
-- Some statements cannot run inside a transaction block: this script runs in autocommit.
-- Hazards: ACQUIRES_ACCESS_EXCLUSIVE_LOCK INDEX_BUILD INDEX_DROPPED VALIDATION_MAY_FAIL

-- Lock: ACCESS EXCLUSIVE on public.memberships
-- INDEX_DROPPED: drops the index behind memberships_pkey: queries may lose it
SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TABLE "public"."memberships" DROP CONSTRAINT "memberships_pkey";

-- Lock: SHARE UPDATE EXCLUSIVE on public.memberships
-- INDEX_BUILD: builds a unique index on public.memberships
-- VALIDATION_MAY_FAIL: fails if public.memberships holds duplicates; a failed build leaves an invalid index public.memberships_pkey to drop
SET statement_timeout = '20min';
CREATE UNIQUE INDEX CONCURRENTLY "memberships_pkey" ON "public"."memberships" ("tenant_id", "id");

-- Lock: ACCESS EXCLUSIVE on public.memberships
-- ACQUIRES_ACCESS_EXCLUSIVE_LOCK: sets the key columns NOT NULL, which scans public.memberships unless they already are
SET statement_timeout = '10s';
ALTER TABLE "public"."memberships" ADD CONSTRAINT "memberships_pkey" PRIMARY KEY USING INDEX "memberships_pkey";

RESET lock_timeout;
RESET statement_timeout;
