-- Hazards: none

-- Lock: ACCESS EXCLUSIVE on public.active_employees
SET lock_timeout = '3s';
SET statement_timeout = '10s';
DROP VIEW "public"."active_employees";

RESET lock_timeout;
RESET statement_timeout;
