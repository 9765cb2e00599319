-- Hazards: AUTHZ_UPDATE

-- AUTHZ_UPDATE: changes privileges on SCHEMA "reporting"
SET lock_timeout = '3s';
SET statement_timeout = '10s';
GRANT CREATE, USAGE ON SCHEMA "reporting" TO "confiture_case_admin";

-- AUTHZ_UPDATE: changes privileges on SCHEMA "reporting"
GRANT USAGE ON SCHEMA "reporting" TO "confiture_case_reader";

RESET lock_timeout;
RESET statement_timeout;
