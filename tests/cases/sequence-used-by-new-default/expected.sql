-- Hazards: none

SET lock_timeout = '3s';
SET statement_timeout = '10s';
CREATE SEQUENCE "public"."ticket_seq" AS bigint INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1 NO CYCLE;

-- Lock: ACCESS EXCLUSIVE on public.tickets
ALTER TABLE "public"."tickets" ALTER COLUMN "id" SET DEFAULT nextval('ticket_seq'::regclass);

RESET lock_timeout;
RESET statement_timeout;
