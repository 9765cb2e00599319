-- Hazards: INDEX_DROPPED

-- Lock: ACCESS EXCLUSIVE on public.tags
-- INDEX_DROPPED: drops the index behind tags_pkey: queries may lose it
SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TABLE "public"."tags" DROP CONSTRAINT "tags_pkey";

RESET lock_timeout;
RESET statement_timeout;
