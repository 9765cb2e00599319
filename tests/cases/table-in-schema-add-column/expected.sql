-- Hazards: none

-- Lock: ACCESS EXCLUSIVE on billing.invoices
SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TABLE "billing"."invoices" ADD COLUMN "issued_on" date DEFAULT CURRENT_DATE NOT NULL;

RESET lock_timeout;
RESET statement_timeout;
