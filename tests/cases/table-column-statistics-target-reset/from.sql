CREATE TABLE events (
  id integer PRIMARY KEY,
  kind text NOT NULL,
  payload jsonb
);

ALTER TABLE events ALTER COLUMN kind SET STATISTICS 1000;
ALTER TABLE events ALTER COLUMN payload SET STATISTICS 50;
