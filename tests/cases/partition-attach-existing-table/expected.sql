-- Hazards: ACQUIRES_SHARE_LOCK VALIDATION_MAY_FAIL

-- ACQUIRES_SHARE_LOCK: scans public.measurements_2023 to check its rows fit the bound
-- VALIDATION_MAY_FAIL: fails if a row of public.measurements_2023 is outside the bound
SET lock_timeout = '3s';
SET statement_timeout = '20min';
ALTER TABLE "public"."measurements" ATTACH PARTITION "public"."measurements_2023" FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');

RESET lock_timeout;
RESET statement_timeout;
