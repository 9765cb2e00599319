-- Hazards: none

SET lock_timeout = '3s';
SET statement_timeout = '10s';
CREATE TABLE "public"."measurements_eu" PARTITION OF "public"."measurements" FOR VALUES IN (1);

ALTER TABLE ONLY "public"."measurements" ALTER COLUMN "raw" SET STORAGE MAIN;

ALTER TABLE ONLY "public"."measurements_eu" ALTER COLUMN "raw" SET STORAGE MAIN;

RESET lock_timeout;
RESET statement_timeout;
