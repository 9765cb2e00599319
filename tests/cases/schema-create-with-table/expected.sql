-- Hazards: none

SET lock_timeout = '3s';
SET statement_timeout = '10s';
CREATE SCHEMA "billing";

CREATE TABLE "billing"."invoices" (
    "id" bigint NOT NULL,
    "total" numeric(12,2) NOT NULL,
    CONSTRAINT "invoices_pkey" PRIMARY KEY (id)
);

RESET lock_timeout;
RESET statement_timeout;
