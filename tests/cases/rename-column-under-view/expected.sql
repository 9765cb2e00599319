-- Hazards: none

-- Lock: ACCESS EXCLUSIVE on public.customers
SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TABLE "public"."customers" RENAME COLUMN "name" TO "full_name";

-- Lock: ACCESS EXCLUSIVE on public.customer_names
DROP VIEW "public"."customer_names";

-- Lock: ACCESS SHARE on what it reads
CREATE VIEW "public"."customer_names" AS
 SELECT customers.id,
    customers.full_name
   FROM customers;

RESET lock_timeout;
RESET statement_timeout;
