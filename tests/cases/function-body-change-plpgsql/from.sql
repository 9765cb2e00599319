CREATE FUNCTION greeting(who text) RETURNS text
  LANGUAGE plpgsql STABLE
  AS $$
BEGIN
  RETURN 'Hello ' || who;
END;
$$;
