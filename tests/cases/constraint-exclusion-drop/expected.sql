-- Hazards: INDEX_DROPPED

-- Lock: ACCESS EXCLUSIVE on public.room_bookings
-- INDEX_DROPPED: drops the index behind room_bookings_no_overlap: queries may lose it
SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TABLE "public"."room_bookings" DROP CONSTRAINT "room_bookings_no_overlap";

RESET lock_timeout;
RESET statement_timeout;
