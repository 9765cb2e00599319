-- a sequence START WITH changes
CREATE SEQUENCE invoice_number_seq
  START WITH 5000;
