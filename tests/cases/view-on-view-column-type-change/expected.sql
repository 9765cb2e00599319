-- Hazards: TABLE_REWRITE ACQUIRES_ACCESS_EXCLUSIVE_LOCK

-- Lock: ACCESS EXCLUSIVE on public.payroll_total
SET lock_timeout = '3s';
SET statement_timeout = '10s';
DROP VIEW "public"."payroll_total";

-- Lock: ACCESS EXCLUSIVE on public.payroll
DROP VIEW "public"."payroll";

-- Lock: ACCESS EXCLUSIVE on public.employees
-- TABLE_REWRITE: rewrites public.employees and rebuilds its indexes
-- ACQUIRES_ACCESS_EXCLUSIVE_LOCK: blocks reads and writes of public.employees while it is rewritten
SET statement_timeout = '20min';
ALTER TABLE "public"."employees" ALTER COLUMN "salary" TYPE numeric(12,2) USING "salary"::numeric;

-- Lock: ACCESS SHARE on what it reads
SET statement_timeout = '10s';
CREATE VIEW "public"."payroll" AS
 SELECT employees.id,
    employees.name,
    employees.salary
   FROM employees
  WHERE employees.active;

-- Lock: ACCESS SHARE on what it reads
CREATE VIEW "public"."payroll_total" AS
 SELECT sum(payroll.salary) AS total
   FROM payroll;

RESET lock_timeout;
RESET statement_timeout;
