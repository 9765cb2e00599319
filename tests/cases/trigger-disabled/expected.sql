-- Hazards: none

-- Lock: SHARE ROW EXCLUSIVE on public.orders
SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TABLE "public"."orders" DISABLE TRIGGER "orders_touch";

RESET lock_timeout;
RESET statement_timeout;
