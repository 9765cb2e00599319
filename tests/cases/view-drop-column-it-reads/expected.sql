-- Hazards: DELETES_DATA

-- Lock: ACCESS EXCLUSIVE on public.active_employees
SET lock_timeout = '3s';
SET statement_timeout = '10s';
DROP VIEW "public"."active_employees";

-- Lock: ACCESS EXCLUSIVE on public.employees
-- DELETES_DATA: drops column public.employees.active and its values
ALTER TABLE "public"."employees" DROP COLUMN "active";

-- Lock: ACCESS SHARE on what it reads
CREATE VIEW "public"."active_employees" AS
 SELECT employees.id,
    employees.name,
    employees.department
   FROM employees;

RESET lock_timeout;
RESET statement_timeout;
