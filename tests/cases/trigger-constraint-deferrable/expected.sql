-- Hazards: none

-- Lock: SHARE ROW EXCLUSIVE on public.orders
SET lock_timeout = '3s';
SET statement_timeout = '10s';
CREATE CONSTRAINT TRIGGER orders_log_deferred AFTER INSERT OR UPDATE ON public.orders DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION log_order_change();

RESET lock_timeout;
RESET statement_timeout;
