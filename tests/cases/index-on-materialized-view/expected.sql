-- Hazards: none

-- Lock: ACCESS SHARE on what it reads
SET lock_timeout = '3s';
SET statement_timeout = '20min';
CREATE MATERIALIZED VIEW "public"."customer_totals" AS
 SELECT orders.customer_id,
    sum(orders.total) AS total
   FROM orders
  GROUP BY orders.customer_id;

-- Lock: SHARE on public.customer_totals
CREATE UNIQUE INDEX customer_totals_customer_id_idx ON public.customer_totals USING btree (customer_id);

RESET lock_timeout;
RESET statement_timeout;
