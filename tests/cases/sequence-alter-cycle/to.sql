-- a sequence becomes cycling
CREATE SEQUENCE invoice_number_seq
  MAXVALUE 9999
  CYCLE;
