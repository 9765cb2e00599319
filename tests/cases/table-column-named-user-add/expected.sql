-- Hazards: none

-- Lock: ACCESS EXCLUSIVE on public.audit_log
SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TABLE "public"."audit_log" ADD COLUMN "user" text DEFAULT CURRENT_USER NOT NULL;

-- Lock: ACCESS EXCLUSIVE on public.audit_log
ALTER TABLE "public"."audit_log" ADD COLUMN "order" integer;

RESET lock_timeout;
RESET statement_timeout;
