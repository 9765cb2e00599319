-- a comment is added to a function
CREATE FUNCTION add_tax(amount numeric) RETURNS numeric
  LANGUAGE sql IMMUTABLE
  AS $$ SELECT amount * 1.20 $$;

COMMENT ON FUNCTION add_tax(numeric) IS 'French standard VAT rate';
