-- Hazards: none

SET lock_timeout = '3s';
SET statement_timeout = '10s';
CREATE TABLE "public"."departments" (
    "id" integer NOT NULL,
    "head_employee_id" integer,
    CONSTRAINT "departments_pkey" PRIMARY KEY (id)
);

CREATE TABLE "public"."employees" (
    "id" integer NOT NULL,
    "department_id" integer NOT NULL,
    CONSTRAINT "employees_pkey" PRIMARY KEY (id)
);

-- Lock: SHARE ROW EXCLUSIVE on public.departments, public.employees
ALTER TABLE "public"."departments" ADD CONSTRAINT "departments_head_employee_id_fkey" FOREIGN KEY ("head_employee_id") REFERENCES "public"."employees" ("id") DEFERRABLE INITIALLY DEFERRED;

-- Lock: SHARE ROW EXCLUSIVE on public.departments, public.employees
ALTER TABLE "public"."employees" ADD CONSTRAINT "employees_department_id_fkey" FOREIGN KEY ("department_id") REFERENCES "public"."departments" ("id");

RESET lock_timeout;
RESET statement_timeout;
