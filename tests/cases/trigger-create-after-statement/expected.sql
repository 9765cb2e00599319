-- Hazards: none

-- Lock: SHARE ROW EXCLUSIVE on public.orders
SET lock_timeout = '3s';
SET statement_timeout = '10s';
CREATE TRIGGER orders_audit AFTER INSERT OR DELETE ON public.orders FOR EACH STATEMENT EXECUTE FUNCTION log_order_change();

RESET lock_timeout;
RESET statement_timeout;
