-- Hazards: ACQUIRES_ACCESS_EXCLUSIVE_LOCK INDEX_BUILD INDEX_DROPPED

-- Lock: ACCESS EXCLUSIVE on public.playlist_items
-- INDEX_DROPPED: drops the index behind playlist_items_position_key: queries may lose it
SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TABLE "public"."playlist_items" DROP CONSTRAINT "playlist_items_position_key";

-- Lock: ACCESS EXCLUSIVE on public.playlist_items
-- INDEX_BUILD: builds an index on public.playlist_items
-- ACQUIRES_ACCESS_EXCLUSIVE_LOCK: blocks reads and writes of public.playlist_items during the build
SET statement_timeout = '20min';
ALTER TABLE "public"."playlist_items" ADD CONSTRAINT "playlist_items_position_key" UNIQUE (playlist_id, "position") DEFERRABLE INITIALLY DEFERRED;

RESET lock_timeout;
RESET statement_timeout;
