-- Hazards: TABLE_REWRITE

-- Lock: ACCESS EXCLUSIVE on public.order_lines
-- TABLE_REWRITE: fills column public.order_lines.total for every existing row
SET lock_timeout = '3s';
SET statement_timeout = '20min';
ALTER TABLE "public"."order_lines" ADD COLUMN "total" numeric GENERATED ALWAYS AS (((quantity)::numeric * unit_price)) STORED;

RESET lock_timeout;
RESET statement_timeout;
