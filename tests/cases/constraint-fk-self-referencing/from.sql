CREATE TABLE employees (
  id integer PRIMARY KEY,
  manager_id integer
);
