-- Hazards: TABLE_REWRITE ACQUIRES_ACCESS_EXCLUSIVE_LOCK

-- Lock: ACCESS EXCLUSIVE on public.rich_accounts
SET lock_timeout = '3s';
SET statement_timeout = '10s';
DROP VIEW "public"."rich_accounts";

-- Lock: ACCESS EXCLUSIVE on public.accounts
-- TABLE_REWRITE: rewrites public.accounts and rebuilds its indexes
-- ACQUIRES_ACCESS_EXCLUSIVE_LOCK: blocks reads and writes of public.accounts while it is rewritten
SET statement_timeout = '20min';
ALTER TABLE "public"."accounts" ALTER COLUMN "balance" TYPE numeric(14,2) USING "balance"::numeric;

-- Lock: ACCESS SHARE on what it reads
SET statement_timeout = '10s';
CREATE VIEW "public"."rich_accounts" AS
 SELECT accounts.id,
    accounts.balance
   FROM accounts
  WHERE (accounts.balance > (10000)::numeric);

RESET lock_timeout;
RESET statement_timeout;
