-- a domain used by a column changes its base type (no ALTER DOMAIN for that)
CREATE DOMAIN money_amount AS numeric(14, 2);

CREATE TABLE payments (
  id integer PRIMARY KEY,
  amount money_amount NOT NULL
);
