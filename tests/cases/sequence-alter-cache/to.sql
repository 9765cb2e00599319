-- a sequence cache size changes
CREATE SEQUENCE invoice_number_seq
  CACHE 50;
