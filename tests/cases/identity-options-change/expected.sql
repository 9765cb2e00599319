-- Hazards: none

-- Lock: ACCESS EXCLUSIVE on public.notes
SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TABLE "public"."notes" ALTER COLUMN "id" SET INCREMENT BY 5 SET START WITH 1000 SET CACHE 10;

RESET lock_timeout;
RESET statement_timeout;
