-- Hazards: none

SET lock_timeout = '3s';
SET statement_timeout = '10s';
CREATE SEQUENCE "public"."notes_id_seq" AS integer INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1 NO CYCLE;

-- Lock: ACCESS EXCLUSIVE on public.notes
ALTER TABLE "public"."notes" ADD COLUMN "id" integer DEFAULT nextval('notes_id_seq'::regclass) NOT NULL;

-- Lock: SHARE ROW EXCLUSIVE on public.notes_id_seq
ALTER SEQUENCE "public"."notes_id_seq" OWNED BY "public"."notes"."id";

RESET lock_timeout;
RESET statement_timeout;
