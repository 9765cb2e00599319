-- Hazards: none

-- Lock: ACCESS SHARE on what it reads
SET lock_timeout = '3s';
SET statement_timeout = '10s';
CREATE VIEW "public"."active_employees" AS
 SELECT employees.id,
    employees.name,
    employees.department
   FROM employees
  WHERE employees.active;

-- Lock: ACCESS SHARE on what it reads
CREATE VIEW "public"."department_sizes" AS
 SELECT active_employees.department,
    count(*) AS headcount
   FROM active_employees
  GROUP BY active_employees.department;

RESET lock_timeout;
RESET statement_timeout;
