-- Hazards: none

SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER DOMAIN "public"."percentage" DROP CONSTRAINT "percentage_range";

RESET lock_timeout;
RESET statement_timeout;
