-- Hazards: AUTHZ_UPDATE

-- AUTHZ_UPDATE: changes privileges on TYPE "public"."report_kind"
SET lock_timeout = '3s';
SET statement_timeout = '10s';
REVOKE USAGE ON TYPE "public"."report_kind" FROM PUBLIC;

-- AUTHZ_UPDATE: changes privileges on TYPE "public"."report_kind"
GRANT USAGE ON TYPE "public"."report_kind" TO "confiture_case_reader";

RESET lock_timeout;
RESET statement_timeout;
