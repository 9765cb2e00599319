-- Hazards: none

-- Lock: ACCESS EXCLUSIVE on public.large_invoices
SET lock_timeout = '3s';
SET statement_timeout = '10s';
DROP VIEW "public"."large_invoices";

-- Lock: ACCESS SHARE on what it reads
CREATE VIEW "public"."large_invoices" AS
 SELECT invoices.id
   FROM invoices
  WHERE (invoices.total > (10000)::numeric);

-- Lock: SHARE UPDATE EXCLUSIVE on public.large_invoices
COMMENT ON VIEW "public"."large_invoices" IS 'Invoices above the audit threshold';

RESET lock_timeout;
RESET statement_timeout;
