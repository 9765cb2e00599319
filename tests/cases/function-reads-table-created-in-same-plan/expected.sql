-- Hazards: none

SET check_function_bodies = off;

SET lock_timeout = '3s';
SET statement_timeout = '10s';
CREATE TABLE "public"."exchange_rates" (
    "currency" character(3) NOT NULL,
    "rate" numeric(12,6) NOT NULL,
    CONSTRAINT "exchange_rates_pkey" PRIMARY KEY (currency)
);

CREATE OR REPLACE FUNCTION public.to_euros(amount numeric, currency character)
 RETURNS numeric
 LANGUAGE sql
 STABLE
AS $function$ SELECT amount / rate FROM exchange_rates WHERE exchange_rates.currency = to_euros.currency $function$;

RESET lock_timeout;
RESET statement_timeout;
RESET check_function_bodies;
