-- a table, columns and index with mixed-case and space-containing names are created
CREATE TABLE "CustomerOrders" (
  "OrderId" integer PRIMARY KEY,
  "Total Amount" numeric(12, 2) NOT NULL,
  "placedAt" timestamptz
);

CREATE INDEX "CustomerOrders_placedAt_idx" ON "CustomerOrders" ("placedAt");
