-- a unique constraint is added before the new foreign key that references it
CREATE TABLE currencies (
  id integer PRIMARY KEY,
  iso_code char(3) NOT NULL,
  CONSTRAINT currencies_iso_code_key UNIQUE (iso_code)
);

CREATE TABLE prices (
  id integer PRIMARY KEY,
  currency_code char(3) NOT NULL,
  CONSTRAINT prices_currency_code_fkey FOREIGN KEY (currency_code) REFERENCES currencies (iso_code)
);
