-- a function changes from VOLATILE to STABLE and becomes STRICT
CREATE FUNCTION today_label() RETURNS text
  LANGUAGE sql STABLE STRICT
  AS $$ SELECT to_char(now(), 'YYYY-MM-DD') $$;
