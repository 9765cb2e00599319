-- a column is renamed and widened in the same plan
CREATE TABLE customers (
  id integer PRIMARY KEY,
  phone_number varchar(32) -- confiture:renamed-from phone
);
