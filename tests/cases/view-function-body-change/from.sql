CREATE TABLE employees (
  id integer PRIMARY KEY,
  name text NOT NULL,
  department text NOT NULL,
  salary numeric(10, 2) NOT NULL,
  active boolean NOT NULL DEFAULT true
);

CREATE FUNCTION annual_salary(monthly numeric) RETURNS numeric
  LANGUAGE sql IMMUTABLE
  AS $$ SELECT monthly * 12 $$;

CREATE VIEW yearly_pay AS
  SELECT id, department, annual_salary(salary) AS yearly FROM employees;
