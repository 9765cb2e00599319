-- Hazards: none

SET check_function_bodies = off;

SET lock_timeout = '3s';
SET statement_timeout = '10s';
CREATE OR REPLACE FUNCTION public.product_step(state numeric, value numeric)
 RETURNS numeric
 LANGUAGE sql
 IMMUTABLE STRICT
AS $function$ SELECT state * value $function$;

CREATE AGGREGATE "public"."product"(numeric) (
    SFUNC = product_step,
    STYPE = numeric,
    INITCOND = '1'
);

-- Lock: ACCESS SHARE on what it reads
CREATE VIEW "public"."compound_growth" AS
 SELECT product(growth.factor) AS total_factor
   FROM growth;

RESET lock_timeout;
RESET statement_timeout;
RESET check_function_bodies;
