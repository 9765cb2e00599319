-- Hazards: none

SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TYPE "public"."address" ADD ATTRIBUTE "country" text;

RESET lock_timeout;
RESET statement_timeout;
