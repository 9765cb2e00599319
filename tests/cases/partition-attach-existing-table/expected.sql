-- Hazards: ACQUIRES_ACCESS_EXCLUSIVE_LOCK VALIDATION_MAY_FAIL

-- Lock: ACCESS EXCLUSIVE on public.measurements_2023
-- ACQUIRES_ACCESS_EXCLUSIVE_LOCK: holds ACCESS EXCLUSIVE on public.measurements_2023 (and SHARE UPDATE EXCLUSIVE on public.measurements) while it scans public.measurements_2023 to check its rows fit the bound
-- VALIDATION_MAY_FAIL: fails if a row of public.measurements_2023 is outside the bound
SET lock_timeout = '3s';
SET statement_timeout = '20min';
ALTER TABLE "public"."measurements" ATTACH PARTITION "public"."measurements_2023" FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');

RESET lock_timeout;
RESET statement_timeout;
