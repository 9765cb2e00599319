-- Hazards: ACQUIRES_ACCESS_EXCLUSIVE_LOCK

-- Lock: ACCESS EXCLUSIVE on public.measurements, public.measurements_2023
-- ACQUIRES_ACCESS_EXCLUSIVE_LOCK: locks public.measurements and public.measurements_2023
SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TABLE "public"."measurements" DETACH PARTITION "public"."measurements_2023";

RESET lock_timeout;
RESET statement_timeout;
