-- an attribute is appended to a composite type
CREATE TYPE address AS (
  street text,
  city text,
  postal_code text,
  country text
);
