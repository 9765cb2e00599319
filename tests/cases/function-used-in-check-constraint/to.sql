-- a new function is created before the CHECK constraint that calls it
CREATE FUNCTION is_valid_sku(code text) RETURNS boolean
  LANGUAGE sql IMMUTABLE
  AS $$ SELECT code ~ '^[A-Z]{3}-[0-9]{4}$' $$;

CREATE TABLE items (
  id integer PRIMARY KEY,
  sku text NOT NULL,
  CONSTRAINT items_sku_check CHECK (is_valid_sku(sku))
);
