-- Hazards: none

-- Lock: SHARE UPDATE EXCLUSIVE on public.events
SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TABLE ONLY "public"."events" ALTER COLUMN "kind" SET STATISTICS -1;

-- Lock: SHARE UPDATE EXCLUSIVE on public.events
ALTER TABLE ONLY "public"."events" ALTER COLUMN "payload" SET STATISTICS 200;

RESET lock_timeout;
RESET statement_timeout;
