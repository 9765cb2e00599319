-- a double precision becomes real: values are rounded, so the plan deletes data
CREATE TABLE readings (
  id integer PRIMARY KEY,
  value real
);
