-- Hazards: HAS_UNTRACKABLE_DEPENDENCIES

SET check_function_bodies = off;

-- Lock: ACCESS EXCLUSIVE on public.invoices
SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TABLE "public"."invoices" ALTER COLUMN "number" DROP DEFAULT;

-- HAS_UNTRACKABLE_DEPENDENCIES: callers of public.next_invoice_number() in function bodies are not tracked
DROP FUNCTION "public"."next_invoice_number"();

CREATE OR REPLACE FUNCTION public.next_invoice_number()
 RETURNS character varying
 LANGUAGE sql
AS $function$ SELECT ('INV-' || to_char(clock_timestamp(), 'YYYYMMDDHH24MISSUS'))::varchar $function$;

-- Lock: ACCESS EXCLUSIVE on public.invoices
ALTER TABLE "public"."invoices" ALTER COLUMN "number" SET DEFAULT next_invoice_number();

RESET lock_timeout;
RESET statement_timeout;
RESET check_function_bodies;
