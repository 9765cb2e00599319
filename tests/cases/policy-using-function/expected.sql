-- Hazards: AUTHZ_UPDATE

SET check_function_bodies = off;

SET lock_timeout = '3s';
SET statement_timeout = '10s';
CREATE OR REPLACE FUNCTION public.current_tenant()
 RETURNS integer
 LANGUAGE sql
 STABLE
AS $function$ SELECT nullif(current_setting('app.tenant_id', true), '')::integer $function$;

-- Lock: ACCESS EXCLUSIVE on public.projects
-- AUTHZ_UPDATE: changes which rows of public.projects policy projects_tenant lets through
CREATE POLICY "projects_tenant" ON "public"."projects" FOR ALL TO PUBLIC USING ((tenant_id = current_tenant()));

RESET lock_timeout;
RESET statement_timeout;
RESET check_function_bodies;
