-- Hazards: none

SET lock_timeout = '3s';
SET statement_timeout = '10s';
DROP VIEW "public"."department_sizes";

DROP VIEW "public"."active_employees";

CREATE VIEW "public"."active_employees" AS
 SELECT employees.id,
    employees.department
   FROM employees
  WHERE employees.active;

CREATE VIEW "public"."department_sizes" AS
 SELECT active_employees.department,
    count(*) AS headcount
   FROM active_employees
  GROUP BY active_employees.department;

RESET lock_timeout;
RESET statement_timeout;
