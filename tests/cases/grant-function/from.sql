CREATE FUNCTION report_count() RETURNS bigint
  LANGUAGE sql STABLE
  AS $$ SELECT 42::bigint $$;
