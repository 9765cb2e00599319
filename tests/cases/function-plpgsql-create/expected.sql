-- Hazards: none

SET check_function_bodies = off;

SET lock_timeout = '3s';
SET statement_timeout = '10s';
CREATE OR REPLACE FUNCTION public.clamp(value integer, low integer, high integer)
 RETURNS integer
 LANGUAGE plpgsql
 IMMUTABLE
AS $function$
BEGIN
  IF value < low THEN
    RETURN low;
  ELSIF value > high THEN
    RETURN high;
  END IF;
  RETURN value;
END;
$function$;

RESET lock_timeout;
RESET statement_timeout;
RESET check_function_bodies;
