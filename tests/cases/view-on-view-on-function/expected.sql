-- Hazards: none

SET check_function_bodies = off;

SET lock_timeout = '3s';
SET statement_timeout = '10s';
CREATE OR REPLACE FUNCTION public.annual_salary(monthly numeric)
 RETURNS numeric
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT monthly * 12 $function$;

-- Lock: ACCESS SHARE on what it reads
CREATE VIEW "public"."yearly_pay" AS
 SELECT employees.id,
    employees.department,
    annual_salary(employees.salary) AS yearly
   FROM employees;

-- Lock: ACCESS SHARE on what it reads
CREATE VIEW "public"."department_budget" AS
 SELECT yearly_pay.department,
    sum(yearly_pay.yearly) AS budget
   FROM yearly_pay
  GROUP BY yearly_pay.department;

RESET lock_timeout;
RESET statement_timeout;
RESET check_function_bodies;
