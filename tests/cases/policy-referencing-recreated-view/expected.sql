-- Hazards: AUTHZ_UPDATE

-- AUTHZ_UPDATE: changes which rows of public.documents policy documents_team lets through
SET lock_timeout = '3s';
SET statement_timeout = '10s';
DROP POLICY "documents_team" ON "public"."documents";

DROP VIEW "public"."my_teams";

CREATE VIEW "public"."my_teams" AS
 SELECT teams.id
   FROM teams
  WHERE (teams.member_name = CURRENT_USER);

-- AUTHZ_UPDATE: changes which rows of public.documents policy documents_team lets through
CREATE POLICY "documents_team" ON "public"."documents" FOR ALL TO PUBLIC USING ((team_id IN ( SELECT my_teams.id
   FROM my_teams)));

RESET lock_timeout;
RESET statement_timeout;
