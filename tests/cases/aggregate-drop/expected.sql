-- Hazards: HAS_UNTRACKABLE_DEPENDENCIES

-- HAS_UNTRACKABLE_DEPENDENCIES: callers of public.product(numeric) in function bodies are not tracked
SET lock_timeout = '3s';
SET statement_timeout = '10s';
DROP AGGREGATE "public"."product"(numeric);

-- HAS_UNTRACKABLE_DEPENDENCIES: callers of public.product_step(state numeric, value numeric) in function bodies are not tracked
DROP FUNCTION "public"."product_step"(state numeric, value numeric);

RESET lock_timeout;
RESET statement_timeout;
