-- a domain is created before an existing column is changed to it
CREATE DOMAIN email_address AS text
  CONSTRAINT email_address_format CHECK (VALUE ~ '^[^@]+@[^@]+$');

CREATE TABLE contacts (
  id integer PRIMARY KEY,
  email email_address
);
