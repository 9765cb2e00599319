-- USAGE and SELECT on a sequence are granted
CREATE SEQUENCE report_number_seq;

GRANT USAGE, SELECT ON SEQUENCE report_number_seq TO confiture_case_writer;
