-- Hazards: none

-- Lock: SHARE ROW EXCLUSIVE on public.ticket_numbers
SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER SEQUENCE "public"."ticket_numbers" MINVALUE 1000 MAXVALUE 9999 START WITH 1000 RESTART;

RESET lock_timeout;
RESET statement_timeout;
