-- EXECUTE is revoked from PUBLIC and granted to one role
CREATE FUNCTION report_count() RETURNS bigint
  LANGUAGE sql STABLE
  AS $$ SELECT 42::bigint $$;

REVOKE EXECUTE ON FUNCTION report_count() FROM PUBLIC;

GRANT EXECUTE ON FUNCTION report_count() TO confiture_case_admin;
