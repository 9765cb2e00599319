-- Hazards: AUTHZ_UPDATE

-- AUTHZ_UPDATE: changes privileges on TABLE "public"."reports"
SET lock_timeout = '3s';
SET statement_timeout = '10s';
REVOKE DELETE, UPDATE ON TABLE "public"."reports" FROM "confiture_case_writer";

RESET lock_timeout;
RESET statement_timeout;
