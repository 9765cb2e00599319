-- a procedure is created after the table it modifies
CREATE TABLE audit_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE PROCEDURE purge_audit_events(keep_days integer)
  LANGUAGE sql
  AS $$ DELETE FROM audit_events WHERE created_at < now() - make_interval(days => keep_days) $$;
