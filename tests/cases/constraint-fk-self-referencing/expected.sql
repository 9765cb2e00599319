-- Hazards: VALIDATION_MAY_FAIL

SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TABLE "public"."employees" ADD CONSTRAINT "employees_manager_id_fkey" FOREIGN KEY ("manager_id") REFERENCES "public"."employees" ("id") ON DELETE SET NULL NOT VALID;

-- VALIDATION_MAY_FAIL: fails if existing rows of public.employees break employees_manager_id_fkey
SET statement_timeout = '20min';
ALTER TABLE "public"."employees" VALIDATE CONSTRAINT "employees_manager_id_fkey";

RESET lock_timeout;
RESET statement_timeout;
