-- Hazards: none

-- Lock: ACCESS EXCLUSIVE on public.orders
SET lock_timeout = '3s';
SET statement_timeout = '10s';
DROP TRIGGER "orders_touch" ON "public"."orders";

RESET lock_timeout;
RESET statement_timeout;
