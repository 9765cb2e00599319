-- Hazards: none

-- Lock: ACCESS EXCLUSIVE on public.active_employees
SET lock_timeout = '3s';
SET statement_timeout = '10s';
CREATE OR REPLACE VIEW "public"."active_employees" AS
 SELECT employees.id,
    employees.name,
    employees.department,
    employees.salary
   FROM employees
  WHERE employees.active;

RESET lock_timeout;
RESET statement_timeout;
