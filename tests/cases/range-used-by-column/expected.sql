-- Hazards: none

SET lock_timeout = '3s';
SET statement_timeout = '10s';
CREATE TYPE "public"."float_range" AS RANGE (SUBTYPE = double precision, SUBTYPE_DIFF = float8mi);

-- Lock: ACCESS EXCLUSIVE on public.sensors
ALTER TABLE "public"."sensors" ADD COLUMN "calibrated" float_range;

RESET lock_timeout;
RESET statement_timeout;
