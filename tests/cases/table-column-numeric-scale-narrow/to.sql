-- a numeric scale is lowered: values are rounded, so the plan deletes data
CREATE TABLE prices (
  id integer PRIMARY KEY,
  amount numeric(12,1)
);
