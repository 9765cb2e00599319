-- Hazards: none

SET lock_timeout = '3s';
SET statement_timeout = '10s';
CREATE TYPE "public"."order_status" AS ENUM ('pending', 'paid', 'shipped');

RESET lock_timeout;
RESET statement_timeout;
