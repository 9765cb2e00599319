-- Hazards: DELETES_DATA

-- Lock: ACCESS EXCLUSIVE on public.tickets
SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TABLE "public"."tickets" ALTER COLUMN "id" DROP DEFAULT;

-- Lock: ACCESS EXCLUSIVE on public.ticket_seq
-- DELETES_DATA: drops public.ticket_seq and its current value
DROP SEQUENCE "public"."ticket_seq";

RESET lock_timeout;
RESET statement_timeout;
