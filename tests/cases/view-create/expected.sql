-- Hazards: none

SET lock_timeout = '3s';
SET statement_timeout = '10s';
CREATE TABLE "public"."employees" (
    "id" integer NOT NULL,
    "name" text NOT NULL,
    "department" text NOT NULL,
    "salary" numeric(10,2) NOT NULL,
    "active" boolean DEFAULT true NOT NULL,
    CONSTRAINT "employees_pkey" PRIMARY KEY (id)
);

-- Lock: ACCESS SHARE on what it reads
CREATE VIEW "public"."active_employees" AS
 SELECT employees.id,
    employees.name,
    employees.department
   FROM employees
  WHERE employees.active;

RESET lock_timeout;
RESET statement_timeout;
