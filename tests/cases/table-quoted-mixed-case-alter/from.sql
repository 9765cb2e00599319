CREATE TABLE "CustomerOrders" (
  "OrderId" integer PRIMARY KEY
);
