-- Hazards: ACQUIRES_ACCESS_EXCLUSIVE_LOCK INDEX_BUILD INDEX_DROPPED

-- Lock: ACCESS EXCLUSIVE on public.devices
-- INDEX_DROPPED: drops the index behind devices_serial_number_key: queries may lose it
SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TABLE "public"."devices" DROP CONSTRAINT "devices_serial_number_key";

-- Lock: ACCESS EXCLUSIVE on public.devices
-- INDEX_BUILD: builds an index on public.devices
-- ACQUIRES_ACCESS_EXCLUSIVE_LOCK: blocks reads and writes of public.devices during the build
SET statement_timeout = '20min';
ALTER TABLE "public"."devices" ADD CONSTRAINT "devices_serial_number_key" UNIQUE NULLS NOT DISTINCT (serial_number);

RESET lock_timeout;
RESET statement_timeout;
