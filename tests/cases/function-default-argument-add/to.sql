-- a function argument gains a default value
CREATE FUNCTION add_tax(amount numeric, rate numeric DEFAULT 0.20) RETURNS numeric
  LANGUAGE sql IMMUTABLE
  AS $$ SELECT amount * (1 + rate) $$;
