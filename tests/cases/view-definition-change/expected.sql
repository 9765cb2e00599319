-- Hazards: none

-- Lock: ACCESS EXCLUSIVE on public.active_employees
SET lock_timeout = '3s';
SET statement_timeout = '10s';
CREATE OR REPLACE VIEW "public"."active_employees" AS
 SELECT employees.id,
    employees.name,
    employees.department
   FROM employees
  WHERE (employees.active AND (employees.salary > (0)::numeric));

RESET lock_timeout;
RESET statement_timeout;
