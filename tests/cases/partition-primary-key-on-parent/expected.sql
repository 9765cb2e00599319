-- Hazards: ACQUIRES_ACCESS_EXCLUSIVE_LOCK INDEX_BUILD

-- Lock: ACCESS EXCLUSIVE on public.measurements
-- INDEX_BUILD: builds an index on public.measurements
-- ACQUIRES_ACCESS_EXCLUSIVE_LOCK: blocks reads and writes of public.measurements during the build
SET lock_timeout = '3s';
SET statement_timeout = '20min';
ALTER TABLE "public"."measurements" ADD CONSTRAINT "measurements_pkey" PRIMARY KEY (id, taken_on);

RESET lock_timeout;
RESET statement_timeout;
