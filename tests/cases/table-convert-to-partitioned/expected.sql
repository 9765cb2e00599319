-- Hazards: DELETES_DATA

-- Lock: ACCESS EXCLUSIVE on public.metrics
-- DELETES_DATA: drops public.metrics and all its rows
SET lock_timeout = '3s';
SET statement_timeout = '10s';
DROP TABLE "public"."metrics";

CREATE TABLE "public"."metrics" (
    "id" bigint NOT NULL,
    "recorded_on" date NOT NULL,
    "value" double precision
) PARTITION BY RANGE (recorded_on);

-- Lock: ACCESS EXCLUSIVE on public.metrics
CREATE TABLE "public"."metrics_2024" PARTITION OF "public"."metrics" FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');

RESET lock_timeout;
RESET statement_timeout;
