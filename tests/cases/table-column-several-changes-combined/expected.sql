-- Hazards: TABLE_REWRITE ACQUIRES_ACCESS_EXCLUSIVE_LOCK VALIDATION_MAY_FAIL

-- Lock: ACCESS EXCLUSIVE on public.posts
SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TABLE "public"."posts" ALTER COLUMN "views" DROP DEFAULT;

-- Lock: ACCESS EXCLUSIVE on public.posts
-- ACQUIRES_ACCESS_EXCLUSIVE_LOCK: blocks reads and writes of public.posts while it is scanned and rewritten
-- VALIDATION_MAY_FAIL: fails if a value of column public.posts.title is longer than 200 characters, trailing spaces included
SET statement_timeout = '20min';
DO $confiture$ BEGIN LOCK TABLE "public"."posts" IN ACCESS EXCLUSIVE MODE; IF EXISTS (SELECT FROM "public"."posts" WHERE char_length("title"::text) > 200) THEN RAISE EXCEPTION USING MESSAGE = 'column public.posts.title holds a value longer than 200 characters'; END IF; END $confiture$;

-- Lock: ACCESS EXCLUSIVE on public.posts
-- TABLE_REWRITE: rewrites public.posts and rebuilds its indexes
-- ACQUIRES_ACCESS_EXCLUSIVE_LOCK: blocks reads and writes of public.posts while it is rewritten
-- VALIDATION_MAY_FAIL: fails if a value of column public.posts.title is longer than 200 characters
ALTER TABLE "public"."posts"
    ALTER COLUMN "views" TYPE bigint USING "views"::bigint,
    ALTER COLUMN "rank" TYPE integer USING "rank"::integer,
    ALTER COLUMN "title" TYPE character varying(200) USING "title"::character varying,
    ALTER COLUMN "title" DROP NOT NULL,
    ALTER COLUMN "slug" TYPE character varying(100),
    ALTER COLUMN "score" TYPE numeric(10,2) USING "score"::numeric,
    ALTER COLUMN "views" SET DEFAULT 1;

RESET lock_timeout;
RESET statement_timeout;
