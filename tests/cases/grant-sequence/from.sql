CREATE SEQUENCE report_number_seq;
