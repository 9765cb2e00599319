-- confiture:no-transaction
-- Some statements cannot run inside a transaction block: this script runs in autocommit.
-- Hazards: ACQUIRES_ACCESS_EXCLUSIVE_LOCK INDEX_BUILD VALIDATION_MAY_FAIL

-- Lock: SHARE UPDATE EXCLUSIVE on public.tags
-- INDEX_BUILD: builds a unique index on public.tags
-- VALIDATION_MAY_FAIL: fails if public.tags holds duplicates; a failed build leaves an invalid index public.tags_pkey to drop
SET lock_timeout = '3s';
SET statement_timeout = '20min';
CREATE UNIQUE INDEX CONCURRENTLY "tags_pkey" ON "public"."tags" ("id");

-- Lock: ACCESS EXCLUSIVE on public.tags
-- ACQUIRES_ACCESS_EXCLUSIVE_LOCK: sets the key columns NOT NULL, which scans public.tags unless they already are
SET statement_timeout = '10s';
ALTER TABLE "public"."tags" ADD CONSTRAINT "tags_pkey" PRIMARY KEY USING INDEX "tags_pkey";

RESET lock_timeout;
RESET statement_timeout;
