-- a sequence with explicit type, bounds, start and cache is created
CREATE SEQUENCE invoice_number_seq
  AS bigint
  INCREMENT BY 1
  MINVALUE 1000
  MAXVALUE 9999999
  START WITH 1000
  CACHE 10;
