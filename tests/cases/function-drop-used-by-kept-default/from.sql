CREATE FUNCTION next_invoice_number() RETURNS text
  LANGUAGE sql VOLATILE
  AS $$ SELECT 'INV-' || to_char(clock_timestamp(), 'YYYYMMDDHH24MISSUS') $$;

CREATE TABLE invoices (
  id integer PRIMARY KEY,
  number text NOT NULL DEFAULT next_invoice_number()
);
