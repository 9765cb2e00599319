-- a composite type is created before the function that returns it
CREATE TYPE address AS (
  street text,
  city text
);

CREATE FUNCTION make_address(street text, city text) RETURNS address
  LANGUAGE sql IMMUTABLE
  AS $$ SELECT ROW(street, city)::address $$;
