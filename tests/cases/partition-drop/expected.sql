-- Hazards: DELETES_DATA

-- Lock: ACCESS EXCLUSIVE on public.measurements, public.measurements_2023
-- DELETES_DATA: drops public.measurements_2023 and all its rows
SET lock_timeout = '3s';
SET statement_timeout = '10s';
DROP TABLE "public"."measurements_2023";

RESET lock_timeout;
RESET statement_timeout;
