-- Hazards: AUTHZ_UPDATE

-- AUTHZ_UPDATE: changes privileges on FUNCTION "public"."report_count"()
SET lock_timeout = '3s';
SET statement_timeout = '10s';
REVOKE EXECUTE ON FUNCTION "public"."report_count"() FROM PUBLIC;

-- AUTHZ_UPDATE: changes privileges on FUNCTION "public"."report_count"()
GRANT EXECUTE ON FUNCTION "public"."report_count"() TO "confiture_case_admin";

RESET lock_timeout;
RESET statement_timeout;
