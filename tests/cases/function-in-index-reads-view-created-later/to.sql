-- an index expression calls a PL/pgSQL function that reads a view created in the same plan: building the index runs the function over the existing rows, so the view comes first
CREATE TABLE subscribers (
  id integer PRIMARY KEY,
  email text NOT NULL
);

CREATE TABLE blocked_domains (
  domain text PRIMARY KEY
);

CREATE VIEW active_blocked_domains AS SELECT domain FROM blocked_domains;

CREATE FUNCTION email_is_blocked(email text) RETURNS boolean
  LANGUAGE plpgsql IMMUTABLE
  AS $$
BEGIN
  RETURN EXISTS (SELECT 1 FROM active_blocked_domains WHERE domain = split_part(email, '@', 2));
END
$$;

CREATE INDEX subscribers_blocked_idx ON subscribers (email_is_blocked(email));
