CREATE TABLE employees (
  id integer PRIMARY KEY,
  name text NOT NULL,
  department text NOT NULL,
  salary numeric(10, 2) NOT NULL,
  active boolean NOT NULL DEFAULT true
);

CREATE VIEW active_employees AS
  SELECT id, name, department, active FROM employees WHERE active;
