-- Hazards: AUTHZ_UPDATE

-- AUTHZ_UPDATE: changes privileges on FUNCTION "public"."report_count"()
SET lock_timeout = '3s';
SET statement_timeout = '10s';
GRANT EXECUTE ON FUNCTION "public"."report_count"() TO "confiture_case_reader";

RESET lock_timeout;
RESET statement_timeout;
