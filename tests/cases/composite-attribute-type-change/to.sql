-- a composite attribute changes type
CREATE TYPE address AS (
  street text,
  city text,
  postal_code varchar(16)
);
