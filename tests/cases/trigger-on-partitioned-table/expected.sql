-- Hazards: none

-- Lock: SHARE ROW EXCLUSIVE on public.readings
SET lock_timeout = '3s';
SET statement_timeout = '10s';
CREATE TRIGGER readings_touch BEFORE UPDATE ON public.readings FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

RESET lock_timeout;
RESET statement_timeout;
