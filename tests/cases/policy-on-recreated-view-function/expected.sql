-- Hazards: HAS_UNTRACKABLE_DEPENDENCIES AUTHZ_UPDATE

SET check_function_bodies = off;

-- Lock: ACCESS EXCLUSIVE on public.documents
-- AUTHZ_UPDATE: changes which rows of public.documents policy documents_project lets through
SET lock_timeout = '3s';
SET statement_timeout = '10s';
DROP POLICY "documents_project" ON "public"."documents";

-- Lock: ACCESS EXCLUSIVE on public.my_projects
DROP VIEW "public"."my_projects";

-- HAS_UNTRACKABLE_DEPENDENCIES: callers of public.current_tenant() in function bodies are not tracked
DROP FUNCTION "public"."current_tenant"();

CREATE OR REPLACE FUNCTION public.current_tenant()
 RETURNS bigint
 LANGUAGE sql
 STABLE
AS $function$ SELECT nullif(current_setting('app.tenant_id', true), '')::bigint $function$;

-- Lock: ACCESS SHARE on what it reads
CREATE VIEW "public"."my_projects" AS
 SELECT projects.id
   FROM projects
  WHERE (projects.tenant_id = current_tenant());

-- Lock: ACCESS EXCLUSIVE on public.documents
-- AUTHZ_UPDATE: changes which rows of public.documents policy documents_project lets through
CREATE POLICY "documents_project" ON "public"."documents" FOR ALL TO PUBLIC USING ((project_id IN ( SELECT my_projects.id
   FROM my_projects)));

RESET lock_timeout;
RESET statement_timeout;
RESET check_function_bodies;
