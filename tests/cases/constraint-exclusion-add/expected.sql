-- Hazards: ACQUIRES_ACCESS_EXCLUSIVE_LOCK INDEX_BUILD

-- Lock: ACCESS EXCLUSIVE on public.room_bookings
-- INDEX_BUILD: builds an index on public.room_bookings
-- ACQUIRES_ACCESS_EXCLUSIVE_LOCK: blocks reads and writes of public.room_bookings during the build
SET lock_timeout = '3s';
SET statement_timeout = '20min';
ALTER TABLE "public"."room_bookings" ADD CONSTRAINT "room_bookings_no_overlap" EXCLUDE USING gist (room_id WITH =, during WITH &&);

RESET lock_timeout;
RESET statement_timeout;
