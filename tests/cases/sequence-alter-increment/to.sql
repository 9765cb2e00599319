-- a sequence increment changes
CREATE SEQUENCE invoice_number_seq
  INCREMENT BY 10;
