-- a function return type changes (cannot be replaced in place: drop and create)
CREATE FUNCTION add_tax(amount numeric) RETURNS double precision
  LANGUAGE sql IMMUTABLE
  AS $$ SELECT (amount * 1.20)::double precision $$;
