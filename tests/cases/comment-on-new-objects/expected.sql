-- Hazards: none

SET lock_timeout = '3s';
SET statement_timeout = '10s';
CREATE TABLE "public"."invoices" (
    "id" integer NOT NULL,
    "total" numeric(12,2) NOT NULL,
    CONSTRAINT "invoices_pkey" PRIMARY KEY (id),
    CONSTRAINT "invoices_total_check" CHECK ((total >= (0)::numeric))
);

-- Lock: ACCESS SHARE on what it reads
CREATE VIEW "public"."large_invoices" AS
 SELECT invoices.id,
    invoices.total
   FROM invoices
  WHERE (invoices.total > (10000)::numeric);

-- Lock: SHARE UPDATE EXCLUSIVE on public.invoices
COMMENT ON TABLE "public"."invoices" IS 'Issued invoices';

-- Lock: SHARE UPDATE EXCLUSIVE on public.invoices
COMMENT ON COLUMN "public"."invoices"."total" IS 'Amount including tax';

-- Lock: SHARE UPDATE EXCLUSIVE on public.large_invoices
COMMENT ON VIEW "public"."large_invoices" IS 'Invoices above the audit threshold';

RESET lock_timeout;
RESET statement_timeout;
