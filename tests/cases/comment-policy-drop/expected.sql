-- Hazards: none

-- Lock: ACCESS SHARE on what it reads
SET lock_timeout = '3s';
SET statement_timeout = '10s';
COMMENT ON POLICY "documents_owner" ON "public"."documents" IS NULL;

RESET lock_timeout;
RESET statement_timeout;
