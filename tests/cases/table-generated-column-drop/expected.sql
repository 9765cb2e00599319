-- Hazards: DELETES_DATA

-- Lock: ACCESS EXCLUSIVE on public.order_lines
-- DELETES_DATA: drops column public.order_lines.total and its values
SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TABLE "public"."order_lines" DROP COLUMN "total";

RESET lock_timeout;
RESET statement_timeout;
