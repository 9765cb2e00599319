-- Hazards: none

SET check_function_bodies = off;

SET lock_timeout = '3s';
SET statement_timeout = '10s';
CREATE TABLE "public"."rates" (
    "currency" character(3) NOT NULL,
    "rate" numeric NOT NULL,
    CONSTRAINT "rates_pkey" PRIMARY KEY (currency)
);

-- Lock: ACCESS SHARE on what it reads
CREATE VIEW "public"."usd_rate" AS
 SELECT rates.rate
   FROM rates
  WHERE (rates.currency = 'USD'::bpchar);

CREATE OR REPLACE FUNCTION public.usd_in_euros(amount numeric)
 RETURNS numeric
 LANGUAGE sql
 STABLE
AS $function$ SELECT amount / coalesce((SELECT rate FROM usd_rate), 1) $function$;

-- Lock: ACCESS SHARE on what it reads
SET statement_timeout = '20min';
CREATE MATERIALIZED VIEW "public"."a_price_list" AS
 SELECT usd_in_euros((100)::numeric) AS hundred_dollars;

RESET lock_timeout;
RESET statement_timeout;
RESET check_function_bodies;
