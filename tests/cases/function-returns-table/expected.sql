-- Hazards: none

SET check_function_bodies = off;

SET lock_timeout = '3s';
SET statement_timeout = '10s';
CREATE OR REPLACE FUNCTION public.employees_in(dept text)
 RETURNS TABLE(id integer, name text)
 LANGUAGE sql
 STABLE
AS $function$ SELECT e.id, e.name FROM employees e WHERE e.department = dept $function$;

RESET lock_timeout;
RESET statement_timeout;
RESET check_function_bodies;
