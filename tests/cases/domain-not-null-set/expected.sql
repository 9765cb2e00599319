-- Hazards: VALIDATION_MAY_FAIL

-- VALIDATION_MAY_FAIL: fails if a column of type public.sku holds NULLs
SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER DOMAIN "public"."sku" SET NOT NULL;

RESET lock_timeout;
RESET statement_timeout;
