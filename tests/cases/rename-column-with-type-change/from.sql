CREATE TABLE customers (
  id integer PRIMARY KEY,
  phone varchar(20)
);
