-- Hazards: DELETES_DATA

-- Lock: ACCESS EXCLUSIVE on public.customers, public.customers_id_seq
-- DELETES_DATA: drops public.customers and all its rows
SET lock_timeout = '3s';
SET statement_timeout = '10s';
DROP TABLE "public"."customers";

RESET lock_timeout;
RESET statement_timeout;
