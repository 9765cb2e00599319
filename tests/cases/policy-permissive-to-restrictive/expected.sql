-- Hazards: AUTHZ_UPDATE

-- Lock: ACCESS EXCLUSIVE on public.documents
-- AUTHZ_UPDATE: changes which rows of public.documents policy documents_published lets through
SET lock_timeout = '3s';
SET statement_timeout = '10s';
DROP POLICY "documents_published" ON "public"."documents";

-- Lock: ACCESS EXCLUSIVE on public.documents
-- AUTHZ_UPDATE: changes which rows of public.documents policy documents_published lets through
CREATE POLICY "documents_published" ON "public"."documents" AS RESTRICTIVE FOR SELECT TO PUBLIC USING (published);

RESET lock_timeout;
RESET statement_timeout;
