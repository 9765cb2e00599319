-- Hazards: none

-- Lock: ACCESS EXCLUSIVE on public.employees
SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TABLE "public"."employees" ADD COLUMN "hired_on" date;

-- Lock: ACCESS EXCLUSIVE on public.active_employees
CREATE OR REPLACE VIEW "public"."active_employees" AS
 SELECT employees.id,
    employees.name,
    employees.department,
    employees.hired_on
   FROM employees
  WHERE employees.active;

RESET lock_timeout;
RESET statement_timeout;
