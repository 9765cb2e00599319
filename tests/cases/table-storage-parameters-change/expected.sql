-- Hazards: none

-- Lock: SHARE UPDATE EXCLUSIVE on public.sessions
SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TABLE "public"."sessions" RESET (autovacuum_vacuum_scale_factor);

-- Lock: SHARE UPDATE EXCLUSIVE on public.sessions
ALTER TABLE "public"."sessions" SET (autovacuum_analyze_scale_factor=0.02);

RESET lock_timeout;
RESET statement_timeout;
