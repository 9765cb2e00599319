-- a function reads the table whose column default calls it: what the body uses would make a cycle, so the order is the one PostgreSQL's own dependencies give
CREATE FUNCTION next_ticket() RETURNS integer
  LANGUAGE plpgsql
  AS $$
BEGIN
  RETURN (SELECT coalesce(max(number), 0) + 1 FROM tickets);
END
$$;

CREATE TABLE tickets (
  id integer PRIMARY KEY,
  number integer NOT NULL DEFAULT next_ticket()
);
