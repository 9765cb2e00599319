-- Hazards: none

SET lock_timeout = '3s';
SET statement_timeout = '10s';
CREATE DOMAIN "public"."email_address" AS text CONSTRAINT "email_address_format" CHECK ((VALUE ~ '^[^@]+@[^@]+$'::text));

RESET lock_timeout;
RESET statement_timeout;
