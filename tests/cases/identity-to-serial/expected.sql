-- Hazards: none

-- Lock: ACCESS EXCLUSIVE on public.notes, public.notes_id_seq
SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TABLE "public"."notes" ALTER COLUMN "id" DROP IDENTITY;

CREATE SEQUENCE "public"."notes_id_seq" AS integer INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1 NO CYCLE;

-- Lock: ACCESS EXCLUSIVE on public.notes
ALTER TABLE "public"."notes" ALTER COLUMN "id" SET DEFAULT nextval('notes_id_seq'::regclass);

-- Lock: SHARE ROW EXCLUSIVE on public.notes_id_seq
ALTER SEQUENCE "public"."notes_id_seq" OWNED BY "public"."notes"."id";

-- Lock: ROW EXCLUSIVE on public.notes_id_seq
SET statement_timeout = '20min';
SELECT pg_catalog.setval('"public"."notes_id_seq"', coalesce(max("id"), 0) + 1, false) FROM "public"."notes";

RESET lock_timeout;
RESET statement_timeout;
