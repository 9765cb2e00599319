-- Hazards: VALIDATION_MAY_FAIL

SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER DOMAIN "public"."percentage" DROP CONSTRAINT "percentage_range";

ALTER DOMAIN "public"."percentage" ADD CONSTRAINT "percentage_range" CHECK (((VALUE >= (0)::numeric) AND (VALUE <= (100)::numeric))) NOT VALID;

-- VALIDATION_MAY_FAIL: fails if a value of type public.percentage breaks percentage_range
SET statement_timeout = '20min';
ALTER DOMAIN "public"."percentage" VALIDATE CONSTRAINT "percentage_range";

RESET lock_timeout;
RESET statement_timeout;
