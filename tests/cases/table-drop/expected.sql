-- Hazards: DELETES_DATA

-- DELETES_DATA: drops public.customers and all its rows
SET lock_timeout = '3s';
SET statement_timeout = '10s';
DROP TABLE "public"."customers";

RESET lock_timeout;
RESET statement_timeout;
