-- a SQL function body changes
CREATE FUNCTION add_tax(amount numeric) RETURNS numeric
  LANGUAGE sql IMMUTABLE
  AS $$ SELECT round(amount * 1.20, 2) $$;
