-- Hazards: AUTHZ_UPDATE

-- Lock: ACCESS EXCLUSIVE on public.documents
-- AUTHZ_UPDATE: changes who sees which rows of public.documents
SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TABLE "public"."documents" DISABLE ROW LEVEL SECURITY;

RESET lock_timeout;
RESET statement_timeout;
