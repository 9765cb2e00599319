CREATE TABLE exchange_rates (
  currency char(3) PRIMARY KEY,
  rate numeric(12, 6) NOT NULL
);

CREATE FUNCTION to_euros(amount numeric, cur char(3)) RETURNS numeric
  LANGUAGE plpgsql STABLE
  AS $$
BEGIN
  RETURN amount / (SELECT rate FROM exchange_rates WHERE currency = cur);
END;
$$;
