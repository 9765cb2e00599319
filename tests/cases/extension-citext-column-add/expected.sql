-- Hazards: none

SET lock_timeout = '3s';
SET statement_timeout = '10s';
CREATE EXTENSION "citext" WITH SCHEMA "public" VERSION '1.6';

-- Lock: ACCESS EXCLUSIVE on public.users
ALTER TABLE "public"."users" ADD COLUMN "email" citext;

RESET lock_timeout;
RESET statement_timeout;
