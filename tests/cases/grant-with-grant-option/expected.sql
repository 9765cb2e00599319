-- Hazards: AUTHZ_UPDATE

-- AUTHZ_UPDATE: changes privileges on TABLE "public"."reports"
SET lock_timeout = '3s';
SET statement_timeout = '10s';
GRANT SELECT ON TABLE "public"."reports" TO "confiture_case_admin" WITH GRANT OPTION;

RESET lock_timeout;
RESET statement_timeout;
