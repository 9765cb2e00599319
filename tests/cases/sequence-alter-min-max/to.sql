-- a sequence minimum and maximum change
CREATE SEQUENCE invoice_number_seq
  MINVALUE 1
  MAXVALUE 99999999
  START WITH 1000;
