-- Hazards: AUTHZ_UPDATE

-- AUTHZ_UPDATE: changes privileges on TABLE "public"."reports"
SET lock_timeout = '3s';
SET statement_timeout = '10s';
REVOKE SELECT ("salary_budget") ON TABLE "public"."reports" FROM "confiture_case_reader";

RESET lock_timeout;
RESET statement_timeout;
