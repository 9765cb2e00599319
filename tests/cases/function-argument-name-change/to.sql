-- an argument is renamed (PostgreSQL cannot replace that in place)
CREATE FUNCTION add_tax(net_amount numeric) RETURNS numeric
  LANGUAGE sql IMMUTABLE
  AS $$ SELECT net_amount * 1.20 $$;
