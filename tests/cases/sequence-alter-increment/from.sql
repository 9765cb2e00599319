CREATE SEQUENCE invoice_number_seq
  INCREMENT BY 1;
