-- EXECUTE on a function is granted to a role
CREATE FUNCTION report_count() RETURNS bigint
  LANGUAGE sql STABLE
  AS $$ SELECT 42::bigint $$;

GRANT EXECUTE ON FUNCTION report_count() TO confiture_case_reader;
