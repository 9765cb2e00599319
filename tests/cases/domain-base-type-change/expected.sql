-- Hazards: TABLE_REWRITE ACQUIRES_ACCESS_EXCLUSIVE_LOCK VALIDATION_MAY_FAIL

SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER DOMAIN "public"."money_amount" RENAME TO "money_amount__confiture_old";

CREATE DOMAIN "public"."money_amount" AS numeric(14,2);

-- Lock: ACCESS EXCLUSIVE on public.payments
-- TABLE_REWRITE: rewrites public.payments
-- ACQUIRES_ACCESS_EXCLUSIVE_LOCK: blocks reads and writes of public.payments while it is rewritten
-- VALIDATION_MAY_FAIL: fails if public.payments.amount holds a value the new public.money_amount refuses
SET statement_timeout = '20min';
ALTER TABLE "public"."payments" ALTER COLUMN "amount" TYPE money_amount USING "amount"::money_amount;

SET statement_timeout = '10s';
DROP DOMAIN "public"."money_amount__confiture_old";

RESET lock_timeout;
RESET statement_timeout;
