-- Hazards: AUTHZ_UPDATE

-- Lock: ACCESS EXCLUSIVE on public.report_titles
SET lock_timeout = '3s';
SET statement_timeout = '10s';
DROP VIEW "public"."report_titles";

-- Lock: ACCESS SHARE on what it reads
CREATE VIEW "public"."report_titles" AS
 SELECT reports.id,
    reports.title
   FROM reports;

-- AUTHZ_UPDATE: changes privileges on TABLE "public"."report_titles"
GRANT SELECT ON TABLE "public"."report_titles" TO "confiture_case_reader";

RESET lock_timeout;
RESET statement_timeout;
