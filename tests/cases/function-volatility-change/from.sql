CREATE FUNCTION today_label() RETURNS text
  LANGUAGE sql
  AS $$ SELECT to_char(now(), 'YYYY-MM-DD') $$;
