CREATE TYPE address AS (
  street text,
  city text,
  postal_code text
);
