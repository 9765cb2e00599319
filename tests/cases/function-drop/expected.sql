-- Hazards: HAS_UNTRACKABLE_DEPENDENCIES

-- HAS_UNTRACKABLE_DEPENDENCIES: callers of public.add_tax(amount numeric) in function bodies are not tracked
SET lock_timeout = '3s';
SET statement_timeout = '10s';
DROP FUNCTION "public"."add_tax"(amount numeric);

RESET lock_timeout;
RESET statement_timeout;
