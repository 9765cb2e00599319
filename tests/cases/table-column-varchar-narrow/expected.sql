-- Hazards: TABLE_REWRITE ACQUIRES_ACCESS_EXCLUSIVE_LOCK VALIDATION_MAY_FAIL

-- Lock: ACCESS EXCLUSIVE on public.users
-- ACQUIRES_ACCESS_EXCLUSIVE_LOCK: blocks reads and writes of public.users while it is scanned and rewritten
-- VALIDATION_MAY_FAIL: fails if a value of column public.users.display_name is longer than 5 characters, trailing spaces included
SET lock_timeout = '3s';
SET statement_timeout = '20min';
DO $confiture$ BEGIN LOCK TABLE "public"."users" IN ACCESS EXCLUSIVE MODE; IF EXISTS (SELECT FROM "public"."users" WHERE char_length("display_name"::text) > 5) THEN RAISE EXCEPTION USING MESSAGE = 'column public.users.display_name holds a value longer than 5 characters'; END IF; END $confiture$;

-- Lock: ACCESS EXCLUSIVE on public.users
-- TABLE_REWRITE: rewrites public.users and rebuilds its indexes
-- ACQUIRES_ACCESS_EXCLUSIVE_LOCK: blocks reads and writes of public.users while it is rewritten
-- VALIDATION_MAY_FAIL: fails if a value of column public.users.display_name is longer than 5 characters
-- VALIDATION_MAY_FAIL: fails if a value of column public.users.code is longer than 3 characters (excess spaces are padding in character(3) and are dropped)
-- VALIDATION_MAY_FAIL: fails if a value of column public.users.flags is longer than 4 bits
ALTER TABLE "public"."users"
    ALTER COLUMN "display_name" TYPE character varying(5) USING "display_name"::character varying,
    ALTER COLUMN "code" TYPE character(3) USING "code"::bpchar,
    ALTER COLUMN "flags" TYPE bit varying(4) USING "flags"::bit varying;

RESET lock_timeout;
RESET statement_timeout;
