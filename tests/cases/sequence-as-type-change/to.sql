-- a sequence data type widens from integer to bigint
CREATE SEQUENCE invoice_number_seq
  AS bigint;
