-- Hazards: none

-- Lock: ACCESS EXCLUSIVE on public.department_payroll
SET lock_timeout = '3s';
SET statement_timeout = '10s';
DROP MATERIALIZED VIEW "public"."department_payroll";

RESET lock_timeout;
RESET statement_timeout;
