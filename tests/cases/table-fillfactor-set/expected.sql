-- Hazards: none

-- Lock: SHARE UPDATE EXCLUSIVE on public.sessions
SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TABLE "public"."sessions" SET (fillfactor=70);

RESET lock_timeout;
RESET statement_timeout;
