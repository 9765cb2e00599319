-- an attribute is removed from a composite type
CREATE TYPE address AS (
  street text,
  city text
);
