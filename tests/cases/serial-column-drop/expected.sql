-- Hazards: DELETES_DATA

-- DELETES_DATA: drops column public.notes.id and its values
SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TABLE "public"."notes" DROP COLUMN "id";

RESET lock_timeout;
RESET statement_timeout;
