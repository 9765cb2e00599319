-- one table turns a serial into identity and an identity into a plain column in the same plan
CREATE TABLE orders (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  legacy_number integer NOT NULL
);
