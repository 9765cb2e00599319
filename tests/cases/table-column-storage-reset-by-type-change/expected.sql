-- Hazards: TABLE_REWRITE ACQUIRES_ACCESS_EXCLUSIVE_LOCK VALIDATION_MAY_FAIL

-- TABLE_REWRITE: rewrites public.documents and rebuilds its indexes
-- ACQUIRES_ACCESS_EXCLUSIVE_LOCK: blocks reads and writes of public.documents while it is rewritten
-- VALIDATION_MAY_FAIL: fails if a value of column public.documents.body does not convert to character varying(4000)
SET lock_timeout = '3s';
SET statement_timeout = '20min';
ALTER TABLE "public"."documents" ALTER COLUMN "body" TYPE character varying(4000) USING "body"::character varying(4000);

SET statement_timeout = '10s';
ALTER TABLE ONLY "public"."documents" ALTER COLUMN "body" SET STORAGE EXTERNAL;

RESET lock_timeout;
RESET statement_timeout;
