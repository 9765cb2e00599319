-- a column read by a view changes type (view dropped and recreated around it)
CREATE TABLE accounts (
  id integer PRIMARY KEY,
  balance numeric(14, 2) NOT NULL
);

CREATE VIEW rich_accounts AS
  SELECT id, balance FROM accounts WHERE balance > 10000;
