-- confiture:no-transaction
-- Some statements cannot run inside a transaction block: this script runs in autocommit.
-- Hazards: ACQUIRES_ACCESS_EXCLUSIVE_LOCK INDEX_BUILD INDEX_DROPPED VALIDATION_MAY_FAIL

-- Lock: ACCESS EXCLUSIVE on public.projects, public.tasks
SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TABLE "public"."tasks" DROP CONSTRAINT "tasks_project_fkey";

-- Lock: ACCESS EXCLUSIVE on public.projects
-- INDEX_DROPPED: drops the index behind projects_pkey: queries may lose it
ALTER TABLE "public"."projects" DROP CONSTRAINT "projects_pkey";

-- Lock: SHARE UPDATE EXCLUSIVE on public.projects
-- INDEX_BUILD: builds a unique index on public.projects
-- VALIDATION_MAY_FAIL: fails if public.projects holds duplicates; a failed build leaves an invalid index public.projects_pkey to drop
SET statement_timeout = '20min';
CREATE UNIQUE INDEX CONCURRENTLY "projects_pkey" ON "public"."projects" ("tenant_id", "id");

-- Lock: ACCESS EXCLUSIVE on public.projects
-- ACQUIRES_ACCESS_EXCLUSIVE_LOCK: sets the key columns NOT NULL, which scans public.projects unless they already are
SET statement_timeout = '10s';
ALTER TABLE "public"."projects" ADD CONSTRAINT "projects_pkey" PRIMARY KEY USING INDEX "projects_pkey";

-- Lock: SHARE ROW EXCLUSIVE on public.projects, public.tasks
ALTER TABLE "public"."tasks" ADD CONSTRAINT "tasks_project_fkey" FOREIGN KEY ("tenant_id", "project_id") REFERENCES "public"."projects" ("tenant_id", "id") NOT VALID;

-- Lock: SHARE UPDATE EXCLUSIVE on public.tasks
-- VALIDATION_MAY_FAIL: fails if existing rows of public.tasks break tasks_project_fkey; holds SHARE UPDATE EXCLUSIVE on public.tasks and ROW SHARE on public.projects while it scans (reads and writes go on), in a transaction of its own
SET statement_timeout = '20min';
ALTER TABLE "public"."tasks" VALIDATE CONSTRAINT "tasks_project_fkey";

RESET lock_timeout;
RESET statement_timeout;
