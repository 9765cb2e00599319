-- Hazards: none

SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TYPE "public"."address" ALTER ATTRIBUTE "postal_code" TYPE character varying(16);

RESET lock_timeout;
RESET statement_timeout;
