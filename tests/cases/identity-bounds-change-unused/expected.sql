-- Hazards: none

-- Lock: ACCESS EXCLUSIVE on public.voltages
SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TABLE "public"."voltages" ALTER COLUMN "volt" SET INCREMENT BY 5 SET MINVALUE -100 SET MAXVALUE 100 SET START WITH -100 RESTART;

RESET lock_timeout;
RESET statement_timeout;
