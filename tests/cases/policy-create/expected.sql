-- Hazards: AUTHZ_UPDATE

-- Lock: ACCESS EXCLUSIVE on public.documents
-- AUTHZ_UPDATE: changes which rows of public.documents policy documents_owner lets through
SET lock_timeout = '3s';
SET statement_timeout = '10s';
CREATE POLICY "documents_owner" ON "public"."documents" FOR ALL TO PUBLIC USING ((owner_name = CURRENT_USER));

RESET lock_timeout;
RESET statement_timeout;
