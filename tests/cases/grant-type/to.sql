-- USAGE on a type is revoked from PUBLIC and granted to one role
CREATE TYPE report_kind AS ENUM ('daily', 'weekly');

REVOKE USAGE ON TYPE report_kind FROM PUBLIC;

GRANT USAGE ON TYPE report_kind TO confiture_case_reader;
