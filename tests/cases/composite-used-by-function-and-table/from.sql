CREATE TYPE address AS (
  street text,
  city text
);

CREATE TABLE customers (
  id integer PRIMARY KEY,
  home address
);

CREATE FUNCTION format_address(a address) RETURNS text
  LANGUAGE sql IMMUTABLE
  AS $$ SELECT a.street || ', ' || a.city $$;
