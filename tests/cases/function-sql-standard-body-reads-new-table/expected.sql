-- Hazards: none

SET check_function_bodies = off;

SET lock_timeout = '3s';
SET statement_timeout = '10s';
CREATE TABLE "public"."exchange_rates" (
    "currency" character(3) NOT NULL,
    "rate" numeric(12,6) NOT NULL,
    CONSTRAINT "exchange_rates_pkey" PRIMARY KEY (currency)
);

-- Lock: ACCESS SHARE on what it reads
CREATE OR REPLACE FUNCTION public.to_euros(amount numeric, cur character)
 RETURNS numeric
 LANGUAGE sql
 STABLE
BEGIN ATOMIC
 SELECT (to_euros.amount / exchange_rates.rate)
    FROM exchange_rates
   WHERE (exchange_rates.currency = to_euros.cur);
END;

RESET lock_timeout;
RESET statement_timeout;
RESET check_function_bodies;
