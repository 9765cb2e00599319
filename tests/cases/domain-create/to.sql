-- a domain with a CHECK constraint is created
CREATE DOMAIN email_address AS text
  CONSTRAINT email_address_format CHECK (VALUE ~ '^[^@]+@[^@]+$');
