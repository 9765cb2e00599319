-- a function gains an argument and the old signature goes away
CREATE FUNCTION add_tax(amount numeric, rate numeric) RETURNS numeric
  LANGUAGE sql IMMUTABLE
  AS $$ SELECT amount * (1 + rate) $$;
