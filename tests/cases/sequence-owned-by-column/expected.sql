-- Hazards: none

-- Lock: SHARE ROW EXCLUSIVE on public.ticket_seq
SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER SEQUENCE "public"."ticket_seq" OWNED BY "public"."tickets"."id";

RESET lock_timeout;
RESET statement_timeout;
