-- Hazards: TABLE_REWRITE ACQUIRES_ACCESS_EXCLUSIVE_LOCK

-- Lock: ACCESS EXCLUSIVE on public.events
SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TABLE "public"."events" ALTER COLUMN "id" DROP DEFAULT;

-- Lock: SHARE ROW EXCLUSIVE on public.events_id_seq
ALTER SEQUENCE "public"."events_id_seq" AS bigint MAXVALUE 9223372036854775807;

-- Lock: ACCESS EXCLUSIVE on public.events
-- TABLE_REWRITE: rewrites public.events and rebuilds its indexes
-- ACQUIRES_ACCESS_EXCLUSIVE_LOCK: blocks reads and writes of public.events while it is rewritten
SET statement_timeout = '20min';
ALTER TABLE "public"."events"
    ALTER COLUMN "id" TYPE bigint USING "id"::bigint,
    ALTER COLUMN "id" SET DEFAULT nextval('events_id_seq'::regclass);

RESET lock_timeout;
RESET statement_timeout;
