-- Hazards: none

SET lock_timeout = '3s';
SET statement_timeout = '10s';
CREATE TABLE "public"."customers" (
    "id" bigint NOT NULL,
    "region" text NOT NULL
) PARTITION BY LIST (region);

-- Lock: ACCESS EXCLUSIVE on public.customers
CREATE TABLE "public"."customers_eu" PARTITION OF "public"."customers" FOR VALUES IN ('eu', 'uk');

-- Lock: ACCESS EXCLUSIVE on public.customers
CREATE TABLE "public"."customers_us" PARTITION OF "public"."customers" FOR VALUES IN ('us');

RESET lock_timeout;
RESET statement_timeout;
