-- Hazards: VALIDATION_MAY_FAIL

SET check_function_bodies = off;

SET lock_timeout = '3s';
SET statement_timeout = '10s';
CREATE OR REPLACE FUNCTION public.is_valid_sku(code text)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT code ~ '^[A-Z]{3}-[0-9]{4}$' $function$;

ALTER TABLE "public"."items" ADD CONSTRAINT "items_sku_check" CHECK (is_valid_sku(sku)) NOT VALID;

-- VALIDATION_MAY_FAIL: fails if existing rows of public.items break items_sku_check
SET statement_timeout = '20min';
ALTER TABLE "public"."items" VALIDATE CONSTRAINT "items_sku_check";

RESET lock_timeout;
RESET statement_timeout;
RESET check_function_bodies;
