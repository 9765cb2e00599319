-- Hazards: DELETES_DATA

-- Lock: ACCESS EXCLUSIVE on public.notes, public.notes_id_seq
-- DELETES_DATA: drops column public.notes.id and its values
SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TABLE "public"."notes" DROP COLUMN "id";

RESET lock_timeout;
RESET statement_timeout;
