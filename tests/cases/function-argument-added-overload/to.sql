-- a second overload with an extra argument is added beside the original
CREATE FUNCTION add_tax(amount numeric) RETURNS numeric
  LANGUAGE sql IMMUTABLE
  AS $$ SELECT amount * 1.20 $$;

CREATE FUNCTION add_tax(amount numeric, rate numeric) RETURNS numeric
  LANGUAGE sql IMMUTABLE
  AS $$ SELECT amount * (1 + rate) $$;
