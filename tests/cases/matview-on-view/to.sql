-- a materialized view on a plain view is created after it
CREATE TABLE employees (
  id integer PRIMARY KEY,
  name text NOT NULL,
  department text NOT NULL,
  salary numeric(10, 2) NOT NULL,
  active boolean NOT NULL DEFAULT true
);

CREATE VIEW active_employees AS
  SELECT id, name, department FROM employees WHERE active;

CREATE MATERIALIZED VIEW department_counts AS
  SELECT department, count(*) AS headcount FROM active_employees GROUP BY department;
