-- Hazards: HAS_UNTRACKABLE_DEPENDENCIES

SET check_function_bodies = off;

-- Lock: ACCESS EXCLUSIVE on public.department_budget
SET lock_timeout = '3s';
SET statement_timeout = '10s';
DROP VIEW "public"."department_budget";

-- Lock: ACCESS EXCLUSIVE on public.yearly_pay
DROP VIEW "public"."yearly_pay";

-- HAS_UNTRACKABLE_DEPENDENCIES: callers of public.annual_salary(monthly numeric) in function bodies are not tracked
DROP FUNCTION "public"."annual_salary"(monthly numeric);

CREATE OR REPLACE FUNCTION public.annual_salary(monthly numeric)
 RETURNS double precision
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT (monthly * 12)::double precision $function$;

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
