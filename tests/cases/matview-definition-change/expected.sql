-- Hazards: none
-- Note: dependency cycle broken at: DROP MATERIALIZED VIEW "public"."department_payroll"

-- Lock: ACCESS EXCLUSIVE on public.department_payroll
SET lock_timeout = '3s';
SET statement_timeout = '10s';
DROP MATERIALIZED VIEW "public"."department_payroll";

-- Lock: ACCESS SHARE on what it reads
SET statement_timeout = '20min';
CREATE MATERIALIZED VIEW "public"."department_payroll" AS
 SELECT employees.department,
    sum(employees.salary) AS total,
    count(*) AS headcount
   FROM employees
  WHERE employees.active
  GROUP BY employees.department;

-- Lock: SHARE on public.department_payroll
CREATE UNIQUE INDEX department_payroll_department_idx ON public.department_payroll USING btree (department);

RESET lock_timeout;
RESET statement_timeout;
