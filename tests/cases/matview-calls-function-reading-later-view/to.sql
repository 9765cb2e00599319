-- a materialized view calls a SQL function that reads a view sorting after it: creating the materialized view runs the function, so the view comes first
CREATE TABLE rates (
  currency char(3) PRIMARY KEY,
  rate numeric NOT NULL
);

CREATE VIEW usd_rate AS SELECT rate FROM rates WHERE currency = 'USD';

CREATE FUNCTION usd_in_euros(amount numeric) RETURNS numeric
  LANGUAGE sql STABLE
  AS $$ SELECT amount / coalesce((SELECT rate FROM usd_rate), 1) $$;

CREATE MATERIALIZED VIEW a_price_list AS SELECT usd_in_euros(100) AS hundred_dollars;
