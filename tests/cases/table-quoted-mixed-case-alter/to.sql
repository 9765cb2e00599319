-- columns and an index are added to a mixed-case quoted table
CREATE TABLE "CustomerOrders" (
  "OrderId" integer PRIMARY KEY,
  "Total Amount" numeric(12, 2) NOT NULL DEFAULT 0,
  "placedAt" timestamptz
);

CREATE INDEX "CustomerOrders_placedAt_idx" ON "CustomerOrders" ("placedAt");
