-- Hazards: none

-- Lock: ACCESS EXCLUSIVE on public.measurements
SET lock_timeout = '3s';
SET statement_timeout = '10s';
CREATE TABLE "public"."measurements_other" PARTITION OF "public"."measurements" DEFAULT;

RESET lock_timeout;
RESET statement_timeout;
