-- Hazards: DELETES_DATA TABLE_REWRITE

-- Lock: ACCESS EXCLUSIVE on public.order_lines
-- DELETES_DATA: drops column public.order_lines.total and its values
SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TABLE "public"."order_lines" DROP COLUMN "total";

-- Lock: ACCESS EXCLUSIVE on public.order_lines
-- TABLE_REWRITE: fills column public.order_lines.total for every existing row
SET statement_timeout = '20min';
ALTER TABLE "public"."order_lines" ADD COLUMN "total" numeric GENERATED ALWAYS AS ((((quantity)::numeric * unit_price) * 1.2)) STORED;

RESET lock_timeout;
RESET statement_timeout;
