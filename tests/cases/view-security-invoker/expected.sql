-- Hazards: none

-- Lock: ACCESS EXCLUSIVE on public.active_employees
SET lock_timeout = '3s';
SET statement_timeout = '10s';
DROP VIEW "public"."active_employees";

-- Lock: ACCESS SHARE on what it reads
CREATE VIEW "public"."active_employees" WITH (security_invoker=true) AS
 SELECT employees.id,
    employees.name,
    employees.department
   FROM employees
  WHERE employees.active;

RESET lock_timeout;
RESET statement_timeout;
