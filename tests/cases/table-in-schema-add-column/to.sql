-- a column is added to a table in a non-public schema
CREATE SCHEMA billing;

CREATE TABLE billing.invoices (
  id bigint PRIMARY KEY,
  issued_on date NOT NULL DEFAULT CURRENT_DATE
);
