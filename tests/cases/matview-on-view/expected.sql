-- Hazards: none

-- Lock: ACCESS SHARE on what it reads
SET lock_timeout = '3s';
SET statement_timeout = '20min';
CREATE MATERIALIZED VIEW "public"."department_counts" AS
 SELECT active_employees.department,
    count(*) AS headcount
   FROM active_employees
  GROUP BY active_employees.department;

RESET lock_timeout;
RESET statement_timeout;
