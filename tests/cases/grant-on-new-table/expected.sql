-- Hazards: AUTHZ_UPDATE

SET lock_timeout = '3s';
SET statement_timeout = '10s';
CREATE TABLE "public"."reports" (
    "id" integer NOT NULL,
    "title" text NOT NULL,
    "salary_budget" numeric,
    CONSTRAINT "reports_pkey" PRIMARY KEY (id)
);

-- AUTHZ_UPDATE: changes privileges on TABLE "public"."reports"
GRANT SELECT ON TABLE "public"."reports" TO "confiture_case_reader";

RESET lock_timeout;
RESET statement_timeout;
