-- Hazards: HAS_UNTRACKABLE_DEPENDENCIES

SET check_function_bodies = off;

SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TYPE "public"."address" ADD ATTRIBUTE "postal_code" text;

-- HAS_UNTRACKABLE_DEPENDENCIES: callers of public.format_address(a address) are not tracked by PostgreSQL: check them against the new definition
CREATE OR REPLACE FUNCTION public.format_address(a address)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT a.street || ', ' || a.postal_code || ' ' || a.city $function$;

RESET lock_timeout;
RESET statement_timeout;
RESET check_function_bodies;
