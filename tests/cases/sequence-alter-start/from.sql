CREATE SEQUENCE invoice_number_seq
  START WITH 1;
