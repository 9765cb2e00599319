-- Hazards: TABLE_REWRITE ACQUIRES_ACCESS_EXCLUSIVE_LOCK VALIDATION_MAY_FAIL

-- Lock: ACCESS EXCLUSIVE on public.products
-- TABLE_REWRITE: rewrites public.products and rebuilds its indexes
-- ACQUIRES_ACCESS_EXCLUSIVE_LOCK: blocks reads and writes of public.products while it is rewritten
-- VALIDATION_MAY_FAIL: fails if a value of column public.products.stock is not valid input for integer
SET lock_timeout = '3s';
SET statement_timeout = '20min';
ALTER TABLE "public"."products" ALTER COLUMN "stock" TYPE integer USING "stock"::integer;

RESET lock_timeout;
RESET statement_timeout;
