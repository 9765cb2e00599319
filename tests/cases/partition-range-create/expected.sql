-- Hazards: none

SET lock_timeout = '3s';
SET statement_timeout = '10s';
CREATE TABLE "public"."measurements" (
    "id" bigint NOT NULL,
    "taken_on" date NOT NULL,
    "value" numeric
) PARTITION BY RANGE (taken_on);

-- Lock: ACCESS EXCLUSIVE on public.measurements
CREATE TABLE "public"."measurements_2023" PARTITION OF "public"."measurements" FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');

-- Lock: ACCESS EXCLUSIVE on public.measurements
CREATE TABLE "public"."measurements_2024" PARTITION OF "public"."measurements" FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');

RESET lock_timeout;
RESET statement_timeout;
