-- a SQL function whose body is checked at creation reads a table created in the same plan
CREATE TABLE exchange_rates (
  currency char(3) PRIMARY KEY,
  rate numeric(12, 6) NOT NULL
);

CREATE FUNCTION to_euros(amount numeric, currency char(3)) RETURNS numeric
  LANGUAGE sql STABLE
  AS $$ SELECT amount / rate FROM exchange_rates WHERE exchange_rates.currency = to_euros.currency $$;
