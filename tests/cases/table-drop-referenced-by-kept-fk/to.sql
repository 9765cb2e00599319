-- a table referenced by a foreign key of a kept table is dropped (the FK goes first)
CREATE TABLE addresses (
  id integer PRIMARY KEY,
  country_code char(2) NOT NULL
);
