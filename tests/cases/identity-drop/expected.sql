-- Hazards: none

-- Lock: ACCESS EXCLUSIVE on public.notes, public.notes_id_seq
SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TABLE "public"."notes" ALTER COLUMN "id" DROP IDENTITY;

RESET lock_timeout;
RESET statement_timeout;
