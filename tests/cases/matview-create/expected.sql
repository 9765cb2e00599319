-- Hazards: none

-- Lock: ACCESS SHARE on what it reads
SET lock_timeout = '3s';
SET statement_timeout = '20min';
CREATE MATERIALIZED VIEW "public"."department_payroll" AS
 SELECT employees.department,
    sum(employees.salary) AS total
   FROM employees
  GROUP BY employees.department;

RESET lock_timeout;
RESET statement_timeout;
