-- a function keeps its signature but moves from SQL to PL/pgSQL
CREATE FUNCTION add_tax(amount numeric) RETURNS numeric
  LANGUAGE plpgsql IMMUTABLE
  AS $$
BEGIN
  RETURN amount * 1.20;
END;
$$;
