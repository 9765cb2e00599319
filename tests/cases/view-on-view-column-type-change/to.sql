-- a table column under two stacked views changes type
CREATE TABLE employees (
  id integer PRIMARY KEY,
  name text NOT NULL,
  department text NOT NULL,
  salary numeric(12, 2) NOT NULL,
  active boolean NOT NULL DEFAULT true
);

CREATE VIEW payroll AS
  SELECT id, name, salary FROM employees WHERE active;

CREATE VIEW payroll_total AS
  SELECT sum(salary) AS total FROM payroll;
