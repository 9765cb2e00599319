-- Hazards: none

SET lock_timeout = '3s';
SET statement_timeout = '10s';
CREATE TYPE "public"."address" AS ("street" text, "city" text, "postal_code" text);

RESET lock_timeout;
RESET statement_timeout;
