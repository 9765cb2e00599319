-- Hazards: none

-- Lock: ACCESS EXCLUSIVE on public.measurements
SET lock_timeout = '3s';
SET statement_timeout = '10s';
CREATE TABLE "public"."measurements_2024" PARTITION OF "public"."measurements" FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');

RESET lock_timeout;
RESET statement_timeout;
