-- an aggregate gains a final function and changes its initial state
CREATE FUNCTION product_step(state numeric, value numeric) RETURNS numeric
  LANGUAGE sql IMMUTABLE STRICT
  AS $$ SELECT state * value $$;

CREATE FUNCTION product_final(state numeric) RETURNS numeric
  LANGUAGE sql IMMUTABLE STRICT
  AS $$ SELECT round(state, 4) $$;

CREATE AGGREGATE product(numeric) (
  SFUNC = product_step,
  STYPE = numeric,
  FINALFUNC = product_final,
  INITCOND = '1.0'
);
