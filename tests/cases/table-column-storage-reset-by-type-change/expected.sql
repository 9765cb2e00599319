-- Hazards: TABLE_REWRITE ACQUIRES_ACCESS_EXCLUSIVE_LOCK VALIDATION_MAY_FAIL

-- Lock: ACCESS EXCLUSIVE on public.documents
-- ACQUIRES_ACCESS_EXCLUSIVE_LOCK: blocks reads and writes of public.documents while it is scanned and rewritten
-- VALIDATION_MAY_FAIL: fails if a value of column public.documents.body is longer than 4000 characters, trailing spaces included
SET lock_timeout = '3s';
SET statement_timeout = '20min';
DO $confiture$ BEGIN LOCK TABLE "public"."documents" IN ACCESS EXCLUSIVE MODE; IF EXISTS (SELECT FROM "public"."documents" WHERE char_length("body"::text) > 4000) THEN RAISE EXCEPTION USING MESSAGE = 'column public.documents.body holds a value longer than 4000 characters'; END IF; END $confiture$;

-- Lock: ACCESS EXCLUSIVE on public.documents
-- TABLE_REWRITE: rewrites public.documents and rebuilds its indexes
-- ACQUIRES_ACCESS_EXCLUSIVE_LOCK: blocks reads and writes of public.documents while it is rewritten
-- VALIDATION_MAY_FAIL: fails if a value of column public.documents.body is longer than 4000 characters
ALTER TABLE "public"."documents" ALTER COLUMN "body" TYPE character varying(4000) USING "body"::character varying;

-- Lock: ACCESS EXCLUSIVE on public.documents
SET statement_timeout = '10s';
ALTER TABLE ONLY "public"."documents" ALTER COLUMN "body" SET STORAGE EXTERNAL;

RESET lock_timeout;
RESET statement_timeout;
