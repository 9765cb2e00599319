CREATE FUNCTION product_step(state numeric, value numeric) RETURNS numeric
  LANGUAGE sql IMMUTABLE STRICT
  AS $$ SELECT state * value $$;

CREATE AGGREGATE product(numeric) (
  SFUNC = product_step,
  STYPE = numeric,
  INITCOND = '1'
);
