-- Hazards: none

-- Lock: ACCESS SHARE on what it reads
SET lock_timeout = '3s';
SET statement_timeout = '10s';
COMMENT ON TRIGGER "invoices_touch" ON "public"."invoices" IS 'Keeps updated_at honest';

RESET lock_timeout;
RESET statement_timeout;
