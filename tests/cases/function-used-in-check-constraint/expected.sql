-- Hazards: VALIDATION_MAY_FAIL
-- Each `-- confiture:commit` line commits the statements before it: a VALIDATE runs in a transaction of its own and holds only SHARE UPDATE EXCLUSIVE (apply it with `confiture migrate up`, or psql without -1/--single-transaction).

SET check_function_bodies = off;

SET lock_timeout = '3s';
SET statement_timeout = '10s';
CREATE OR REPLACE FUNCTION public.is_valid_sku(code text)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT code ~ '^[A-Z]{3}-[0-9]{4}$' $function$;

-- Lock: ACCESS EXCLUSIVE on public.items
ALTER TABLE "public"."items" ADD CONSTRAINT "items_sku_check" CHECK (is_valid_sku(sku)) NOT VALID;

-- confiture:commit

-- Lock: SHARE UPDATE EXCLUSIVE on public.items
-- VALIDATION_MAY_FAIL: fails if existing rows of public.items break items_sku_check; holds SHARE UPDATE EXCLUSIVE on public.items while it scans (reads and writes go on), in a transaction of its own
SET statement_timeout = '20min';
ALTER TABLE "public"."items" VALIDATE CONSTRAINT "items_sku_check";

RESET lock_timeout;
RESET statement_timeout;
RESET check_function_bodies;
