-- the body of a function used by an expression index changes (index must be rebuilt)
CREATE FUNCTION normalize_email(email text) RETURNS text
  LANGUAGE sql IMMUTABLE
  AS $$ SELECT lower(btrim(email, ' .')) $$;

CREATE TABLE subscribers (
  id integer PRIMARY KEY,
  email text NOT NULL
);

CREATE UNIQUE INDEX subscribers_email_key ON subscribers (normalize_email(email));
