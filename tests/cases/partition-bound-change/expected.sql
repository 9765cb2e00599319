-- Hazards: ACQUIRES_ACCESS_EXCLUSIVE_LOCK VALIDATION_MAY_FAIL

-- Lock: ACCESS EXCLUSIVE on public.measurements, public.measurements_2024
-- ACQUIRES_ACCESS_EXCLUSIVE_LOCK: locks public.measurements and public.measurements_2024
SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TABLE "public"."measurements" DETACH PARTITION "public"."measurements_2024";

-- Lock: ACCESS EXCLUSIVE on public.measurements_2024
-- ACQUIRES_ACCESS_EXCLUSIVE_LOCK: holds ACCESS EXCLUSIVE on public.measurements_2024 (and SHARE UPDATE EXCLUSIVE on public.measurements) while it scans public.measurements_2024 to check its rows fit the bound
-- VALIDATION_MAY_FAIL: fails if a row of public.measurements_2024 is outside the bound
SET statement_timeout = '20min';
ALTER TABLE "public"."measurements" ATTACH PARTITION "public"."measurements_2024" FOR VALUES FROM ('2024-01-01') TO ('2024-07-01');

RESET lock_timeout;
RESET statement_timeout;
