-- Hazards: none

SET lock_timeout = '3s';
SET statement_timeout = '10s';
CREATE SEQUENCE "public"."invoice_number_seq" AS bigint INCREMENT BY 1 MINVALUE 1000 MAXVALUE 9999999 START WITH 1000 CACHE 10 NO CYCLE;

RESET lock_timeout;
RESET statement_timeout;
