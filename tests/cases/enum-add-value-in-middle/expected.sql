-- confiture:no-transaction
-- Some statements cannot run inside a transaction block: this script runs in autocommit.
-- Hazards: none

SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TYPE "public"."order_status" ADD VALUE 'packed' AFTER 'paid';

RESET lock_timeout;
RESET statement_timeout;
