-- Hazards: AUTHZ_UPDATE

-- Lock: ACCESS EXCLUSIVE on public.documents
-- AUTHZ_UPDATE: changes which rows of public.documents policy documents_team lets through
SET lock_timeout = '3s';
SET statement_timeout = '10s';
DROP POLICY "documents_team" ON "public"."documents";

-- Lock: ACCESS EXCLUSIVE on public.my_teams
DROP VIEW "public"."my_teams";

-- Lock: ACCESS SHARE on what it reads
CREATE VIEW "public"."my_teams" AS
 SELECT teams.id
   FROM teams
  WHERE (teams.member_name = CURRENT_USER);

-- Lock: ACCESS EXCLUSIVE on public.documents
-- AUTHZ_UPDATE: changes which rows of public.documents policy documents_team lets through
CREATE POLICY "documents_team" ON "public"."documents" FOR ALL TO PUBLIC USING ((team_id IN ( SELECT my_teams.id
   FROM my_teams)));

RESET lock_timeout;
RESET statement_timeout;
