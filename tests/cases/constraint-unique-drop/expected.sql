-- Hazards: INDEX_DROPPED

-- Lock: ACCESS EXCLUSIVE on public.users
-- INDEX_DROPPED: drops the index behind users_email_key: queries may lose it
SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TABLE "public"."users" DROP CONSTRAINT "users_email_key";

RESET lock_timeout;
RESET statement_timeout;
