-- Hazards: HAS_UNTRACKABLE_DEPENDENCIES

-- Lock: ACCESS EXCLUSIVE on public.invoices
SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TABLE "public"."invoices" ALTER COLUMN "number" DROP DEFAULT;

-- HAS_UNTRACKABLE_DEPENDENCIES: callers of public.next_invoice_number() in function bodies are not tracked
DROP FUNCTION "public"."next_invoice_number"();

-- Lock: ACCESS EXCLUSIVE on public.invoices
ALTER TABLE "public"."invoices" ALTER COLUMN "number" SET DEFAULT 'INV-0'::text;

RESET lock_timeout;
RESET statement_timeout;
