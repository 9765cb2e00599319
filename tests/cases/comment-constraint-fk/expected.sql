-- Hazards: none

-- Lock: ACCESS SHARE on what it reads
SET lock_timeout = '3s';
SET statement_timeout = '10s';
COMMENT ON CONSTRAINT "orders_pkey" ON "public"."orders" IS 'Order numbers are never reused';

-- Lock: ACCESS SHARE on what it reads
COMMENT ON CONSTRAINT "orders_customer_fk" ON "public"."orders" IS 'Orders outlive nothing: customers are never deleted';

RESET lock_timeout;
RESET statement_timeout;
