-- a composite type used by a table column and a function gains an attribute
CREATE TYPE address AS (
  street text,
  city text,
  postal_code text
);

CREATE TABLE customers (
  id integer PRIMARY KEY,
  home address
);

CREATE FUNCTION format_address(a address) RETURNS text
  LANGUAGE sql IMMUTABLE
  AS $$ SELECT a.street || ', ' || a.postal_code || ' ' || a.city $$;
