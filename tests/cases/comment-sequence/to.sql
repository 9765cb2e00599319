-- a comment is added to a sequence
CREATE SEQUENCE invoice_number_seq;

COMMENT ON SEQUENCE invoice_number_seq IS 'Legal invoice numbering, never reset';
