-- Hazards: none

SET lock_timeout = '3s';
SET statement_timeout = '10s';
DROP VIEW "public"."large_invoices";

CREATE VIEW "public"."large_invoices" AS
 SELECT invoices.id
   FROM invoices
  WHERE (invoices.total > (10000)::numeric);

COMMENT ON VIEW "public"."large_invoices" IS 'Invoices above the audit threshold';

RESET lock_timeout;
RESET statement_timeout;
