-- Hazards: none

SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TABLE ONLY "public"."events" ALTER COLUMN "kind" SET STATISTICS -1;

ALTER TABLE ONLY "public"."events" ALTER COLUMN "payload" SET STATISTICS 200;

RESET lock_timeout;
RESET statement_timeout;
