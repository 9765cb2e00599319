-- a function used by a column default changes return type (default dropped and restored)
CREATE FUNCTION next_invoice_number() RETURNS varchar
  LANGUAGE sql VOLATILE
  AS $$ SELECT ('INV-' || to_char(clock_timestamp(), 'YYYYMMDDHH24MISSUS'))::varchar $$;

CREATE TABLE invoices (
  id integer PRIMARY KEY,
  number text NOT NULL DEFAULT next_invoice_number()
);
