-- Hazards: TABLE_REWRITE ACQUIRES_ACCESS_EXCLUSIVE_LOCK VALIDATION_MAY_FAIL

SET lock_timeout = '3s';
SET statement_timeout = '10s';
CREATE DOMAIN "public"."email_address" AS text CONSTRAINT "email_address_format" CHECK ((VALUE ~ '^[^@]+@[^@]+$'::text));

-- Lock: ACCESS EXCLUSIVE on public.contacts
-- TABLE_REWRITE: rewrites public.contacts and rebuilds its indexes
-- ACQUIRES_ACCESS_EXCLUSIVE_LOCK: blocks reads and writes of public.contacts while it is rewritten
-- VALIDATION_MAY_FAIL: fails if a value of column public.contacts.email breaks a constraint of the domain email_address
SET statement_timeout = '20min';
ALTER TABLE "public"."contacts" ALTER COLUMN "email" TYPE email_address USING "email"::email_address;

RESET lock_timeout;
RESET statement_timeout;
