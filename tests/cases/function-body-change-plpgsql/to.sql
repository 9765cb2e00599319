-- a PL/pgSQL function body changes
CREATE FUNCTION greeting(who text) RETURNS text
  LANGUAGE plpgsql STABLE
  AS $$
BEGIN
  RETURN 'Hello, ' || coalesce(who, 'stranger') || '!';
END;
$$;
