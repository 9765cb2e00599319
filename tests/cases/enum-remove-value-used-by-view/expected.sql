-- Hazards: TABLE_REWRITE ACQUIRES_ACCESS_EXCLUSIVE_LOCK VALIDATION_MAY_FAIL

-- Lock: ACCESS EXCLUSIVE on public.open_orders
SET lock_timeout = '3s';
SET statement_timeout = '10s';
DROP VIEW "public"."open_orders";

ALTER TYPE "public"."order_status" RENAME TO "order_status__confiture_old";

CREATE TYPE "public"."order_status" AS ENUM ('pending', 'paid', 'shipped');

-- Lock: ACCESS EXCLUSIVE on public.orders
-- TABLE_REWRITE: rewrites public.orders
-- ACQUIRES_ACCESS_EXCLUSIVE_LOCK: blocks reads and writes of public.orders while it is rewritten
-- VALIDATION_MAY_FAIL: fails if public.orders.status holds a value the new public.order_status refuses
SET statement_timeout = '20min';
ALTER TABLE "public"."orders" ALTER COLUMN "status" TYPE order_status USING "status"::text::order_status;

SET statement_timeout = '10s';
DROP TYPE "public"."order_status__confiture_old";

-- Lock: ACCESS SHARE on what it reads
CREATE VIEW "public"."open_orders" AS
 SELECT orders.id,
    orders.status
   FROM orders
  WHERE (orders.status <> 'shipped'::order_status);

RESET lock_timeout;
RESET statement_timeout;
