CREATE SEQUENCE invoice_number_seq
  CACHE 1;
