-- Hazards: HAS_UNTRACKABLE_DEPENDENCIES AUTHZ_UPDATE

SET check_function_bodies = off;

-- Lock: ACCESS EXCLUSIVE on public.projects
-- AUTHZ_UPDATE: changes which rows of public.projects policy projects_tenant lets through
SET lock_timeout = '3s';
SET statement_timeout = '10s';
DROP POLICY "projects_tenant" ON "public"."projects";

-- HAS_UNTRACKABLE_DEPENDENCIES: callers of public.current_tenant() in function bodies are not tracked
DROP FUNCTION "public"."current_tenant"();

CREATE OR REPLACE FUNCTION public.current_tenant()
 RETURNS bigint
 LANGUAGE sql
 STABLE
AS $function$ SELECT nullif(current_setting('app.tenant_id', true), '')::bigint $function$;

-- Lock: ACCESS EXCLUSIVE on public.projects
-- AUTHZ_UPDATE: changes which rows of public.projects policy projects_tenant lets through
CREATE POLICY "projects_tenant" ON "public"."projects" FOR ALL TO PUBLIC USING ((tenant_id = current_tenant()));

RESET lock_timeout;
RESET statement_timeout;
RESET check_function_bodies;
