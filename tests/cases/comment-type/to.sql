-- comments are added to an enum and a domain
CREATE TYPE invoice_state AS ENUM ('draft', 'sent', 'paid');

CREATE DOMAIN positive_amount AS numeric(12, 2) CHECK (VALUE > 0);

COMMENT ON TYPE invoice_state IS 'Lifecycle of an invoice';

COMMENT ON DOMAIN positive_amount IS 'Strictly positive money amount';
