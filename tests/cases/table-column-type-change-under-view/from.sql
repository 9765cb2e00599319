CREATE TABLE accounts (
  id integer PRIMARY KEY,
  balance numeric(10, 2) NOT NULL
);

CREATE VIEW rich_accounts AS
  SELECT id, balance FROM accounts WHERE balance > 10000;
