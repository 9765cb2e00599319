-- Hazards: none

SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TABLE "public"."customers" RENAME COLUMN "name" TO "full_name";

DROP VIEW "public"."customer_names";

CREATE VIEW "public"."customer_names" AS
 SELECT customers.id,
    customers.full_name
   FROM customers;

RESET lock_timeout;
RESET statement_timeout;
