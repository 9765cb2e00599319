-- Hazards: DELETES_DATA

SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TABLE "public"."tickets" ALTER COLUMN "id" DROP DEFAULT;

-- DELETES_DATA: drops public.ticket_seq and its current value
DROP SEQUENCE "public"."ticket_seq";

RESET lock_timeout;
RESET statement_timeout;
