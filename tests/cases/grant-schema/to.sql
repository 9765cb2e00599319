-- USAGE and CREATE on a schema are granted
CREATE SCHEMA reporting;

GRANT USAGE ON SCHEMA reporting TO confiture_case_reader;

GRANT USAGE, CREATE ON SCHEMA reporting TO confiture_case_admin;
