-- a materialized view definition changes (drop and recreate, indexes too)
CREATE TABLE employees (
  id integer PRIMARY KEY,
  name text NOT NULL,
  department text NOT NULL,
  salary numeric(10, 2) NOT NULL,
  active boolean NOT NULL DEFAULT true
);

CREATE MATERIALIZED VIEW department_payroll AS
  SELECT department, sum(salary) AS total, count(*) AS headcount FROM employees WHERE active GROUP BY department;

CREATE UNIQUE INDEX department_payroll_department_idx ON department_payroll (department);
