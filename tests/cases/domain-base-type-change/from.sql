CREATE DOMAIN money_amount AS numeric(10, 2);

CREATE TABLE payments (
  id integer PRIMARY KEY,
  amount money_amount NOT NULL
);
