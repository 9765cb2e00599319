-- Hazards: none

SET check_function_bodies = off;

SET lock_timeout = '3s';
SET statement_timeout = '10s';
CREATE TYPE "public"."address" AS ("street" text, "city" text);

CREATE OR REPLACE FUNCTION public.make_address(street text, city text)
 RETURNS address
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT ROW(street, city)::address $function$;

RESET lock_timeout;
RESET statement_timeout;
RESET check_function_bodies;
