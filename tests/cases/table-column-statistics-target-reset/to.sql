-- one statistics target goes back to the default, another changes
CREATE TABLE events (
  id integer PRIMARY KEY,
  kind text NOT NULL,
  payload jsonb
);

ALTER TABLE events ALTER COLUMN payload SET STATISTICS 200;
