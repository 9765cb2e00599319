-- Hazards: none

SET check_function_bodies = off;

SET lock_timeout = '3s';
SET statement_timeout = '10s';
CREATE OR REPLACE FUNCTION public.next_invoice_number()
 RETURNS text
 LANGUAGE sql
AS $function$ SELECT 'INV-' || to_char(clock_timestamp(), 'YYYYMMDDHH24MISSUS') $function$;

-- Lock: ACCESS EXCLUSIVE on public.invoices
ALTER TABLE "public"."invoices" ALTER COLUMN "number" SET DEFAULT next_invoice_number();

RESET lock_timeout;
RESET statement_timeout;
RESET check_function_bodies;
