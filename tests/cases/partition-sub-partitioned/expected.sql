-- Hazards: none

-- Lock: ACCESS EXCLUSIVE on public.measurements
SET lock_timeout = '3s';
SET statement_timeout = '10s';
CREATE TABLE "public"."measurements_2024" PARTITION OF "public"."measurements" FOR VALUES FROM ('2024-01-01') TO ('2025-01-01') PARTITION BY RANGE (taken_on);

-- Lock: ACCESS EXCLUSIVE on public.measurements_2024
CREATE TABLE "public"."measurements_2024_h1" PARTITION OF "public"."measurements_2024" FOR VALUES FROM ('2024-01-01') TO ('2024-07-01');

-- Lock: ACCESS EXCLUSIVE on public.measurements_2024
CREATE TABLE "public"."measurements_2024_h2" PARTITION OF "public"."measurements_2024" FOR VALUES FROM ('2024-07-01') TO ('2025-01-01');

RESET lock_timeout;
RESET statement_timeout;
