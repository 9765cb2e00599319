-- Hazards: VALIDATION_MAY_FAIL

SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TABLE "public"."customers" ADD CONSTRAINT "email_not_null" CHECK ("email" IS NOT NULL) NOT VALID;

-- VALIDATION_MAY_FAIL: fails if column public.customers.email holds NULLs
SET statement_timeout = '20min';
ALTER TABLE "public"."customers" VALIDATE CONSTRAINT "email_not_null";

SET statement_timeout = '10s';
ALTER TABLE "public"."customers" ALTER COLUMN "email" SET NOT NULL;

ALTER TABLE "public"."customers" DROP CONSTRAINT "email_not_null";

RESET lock_timeout;
RESET statement_timeout;
