-- Hazards: none

SET lock_timeout = '3s';
SET statement_timeout = '10s';
CREATE TABLE "public"."CustomerOrders" (
    "OrderId" integer NOT NULL,
    "Total Amount" numeric(12,2) NOT NULL,
    "placedAt" timestamp with time zone,
    CONSTRAINT "CustomerOrders_pkey" PRIMARY KEY ("OrderId")
);

-- Lock: SHARE on public."CustomerOrders"
SET statement_timeout = '20min';
CREATE INDEX "CustomerOrders_placedAt_idx" ON public."CustomerOrders" USING btree ("placedAt");

RESET lock_timeout;
RESET statement_timeout;
