-- Hazards: none

-- Lock: ACCESS EXCLUSIVE on public.orders
SET lock_timeout = '3s';
SET statement_timeout = '10s';
DROP TRIGGER "orders_touch" ON "public"."orders";

-- Lock: SHARE ROW EXCLUSIVE on public.orders
CREATE TRIGGER orders_touch BEFORE UPDATE ON public.orders FOR EACH ROW WHEN ((old.* IS DISTINCT FROM new.*)) EXECUTE FUNCTION touch_updated_at();

RESET lock_timeout;
RESET statement_timeout;
