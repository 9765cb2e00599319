-- Hazards: none

SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER DOMAIN "public"."quantity" SET DEFAULT 0;

RESET lock_timeout;
RESET statement_timeout;
