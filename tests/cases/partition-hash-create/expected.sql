-- Hazards: none

SET lock_timeout = '3s';
SET statement_timeout = '10s';
CREATE TABLE "public"."events" (
    "id" bigint NOT NULL,
    "payload" jsonb
) PARTITION BY HASH (id);

-- Lock: ACCESS EXCLUSIVE on public.events
CREATE TABLE "public"."events_p0" PARTITION OF "public"."events" FOR VALUES WITH (modulus 2, remainder 0);

-- Lock: ACCESS EXCLUSIVE on public.events
CREATE TABLE "public"."events_p1" PARTITION OF "public"."events" FOR VALUES WITH (modulus 2, remainder 1);

RESET lock_timeout;
RESET statement_timeout;
