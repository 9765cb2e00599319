-- an aggregate is created before the view that calls it
CREATE TABLE growth (
  year integer PRIMARY KEY,
  factor numeric NOT NULL
);

CREATE FUNCTION product_step(state numeric, value numeric) RETURNS numeric
  LANGUAGE sql IMMUTABLE STRICT
  AS $$ SELECT state * value $$;

CREATE AGGREGATE product(numeric) (
  SFUNC = product_step,
  STYPE = numeric,
  INITCOND = '1'
);

CREATE VIEW compound_growth AS
  SELECT product(factor) AS total_factor FROM growth;
