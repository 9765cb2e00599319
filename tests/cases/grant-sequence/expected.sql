-- Hazards: AUTHZ_UPDATE

-- AUTHZ_UPDATE: changes privileges on SEQUENCE "public"."report_number_seq"
SET lock_timeout = '3s';
SET statement_timeout = '10s';
GRANT USAGE, SELECT ON SEQUENCE "public"."report_number_seq" TO "confiture_case_writer";

RESET lock_timeout;
RESET statement_timeout;
