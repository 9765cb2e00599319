-- Hazards: HAS_UNTRACKABLE_DEPENDENCIES

-- Lock: ACCESS EXCLUSIVE on public.orders
SET lock_timeout = '3s';
SET statement_timeout = '10s';
DROP TRIGGER "orders_touch" ON "public"."orders";

-- HAS_UNTRACKABLE_DEPENDENCIES: callers of public.touch_updated_at() in function bodies are not tracked
DROP FUNCTION "public"."touch_updated_at"();

RESET lock_timeout;
RESET statement_timeout;
