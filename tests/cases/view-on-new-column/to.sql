-- a table column is added before the view that reads it
CREATE TABLE employees (
  id integer PRIMARY KEY,
  name text NOT NULL,
  department text NOT NULL,
  salary numeric(10, 2) NOT NULL,
  active boolean NOT NULL DEFAULT true,
  hired_on date
);

CREATE VIEW active_employees AS
  SELECT id, name, department, hired_on FROM employees WHERE active;
