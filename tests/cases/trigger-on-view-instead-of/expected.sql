-- Hazards: none

-- Lock: SHARE ROW EXCLUSIVE on public.order_status
SET lock_timeout = '3s';
SET statement_timeout = '10s';
CREATE TRIGGER order_status_update INSTEAD OF UPDATE ON public.order_status FOR EACH ROW EXECUTE FUNCTION order_status_update();

RESET lock_timeout;
RESET statement_timeout;
