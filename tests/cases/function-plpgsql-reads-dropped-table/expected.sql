-- Hazards: DELETES_DATA HAS_UNTRACKABLE_DEPENDENCIES

-- HAS_UNTRACKABLE_DEPENDENCIES: callers of public.to_euros(amount numeric, cur character) in function bodies are not tracked
SET lock_timeout = '3s';
SET statement_timeout = '10s';
DROP FUNCTION "public"."to_euros"(amount numeric, cur character);

-- Lock: ACCESS EXCLUSIVE on public.exchange_rates
-- DELETES_DATA: drops public.exchange_rates and all its rows
DROP TABLE "public"."exchange_rates";

RESET lock_timeout;
RESET statement_timeout;
