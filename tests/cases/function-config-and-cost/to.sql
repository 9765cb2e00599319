-- a function gains a SET clause, a cost and PARALLEL SAFE
CREATE FUNCTION add_tax(amount numeric) RETURNS numeric
  LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 10
  SET statement_timeout = '5s'
  AS $$ SELECT amount * 1.20 $$;
