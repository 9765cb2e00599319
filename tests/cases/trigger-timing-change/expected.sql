-- Hazards: none

-- Lock: ACCESS EXCLUSIVE on public.orders
SET lock_timeout = '3s';
SET statement_timeout = '10s';
DROP TRIGGER "orders_log" ON "public"."orders";

-- Lock: SHARE ROW EXCLUSIVE on public.orders
CREATE TRIGGER orders_log AFTER INSERT ON public.orders FOR EACH ROW EXECUTE FUNCTION log_order_change();

RESET lock_timeout;
RESET statement_timeout;
