-- Hazards: none

-- Lock: ACCESS EXCLUSIVE on public.documents
SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TABLE ONLY "public"."documents" ALTER COLUMN "body" SET STORAGE EXTERNAL;

RESET lock_timeout;
RESET statement_timeout;
