-- Hazards: none

-- Lock: ACCESS EXCLUSIVE on public.measurements
SET lock_timeout = '3s';
SET statement_timeout = '10s';
CREATE TABLE "public"."measurements_eu" PARTITION OF "public"."measurements" FOR VALUES IN (1);

-- Lock: ACCESS EXCLUSIVE on public.measurements
ALTER TABLE ONLY "public"."measurements" ALTER COLUMN "raw" SET STORAGE MAIN;

-- Lock: ACCESS EXCLUSIVE on public.measurements_eu
ALTER TABLE ONLY "public"."measurements_eu" ALTER COLUMN "raw" SET STORAGE MAIN;

RESET lock_timeout;
RESET statement_timeout;
