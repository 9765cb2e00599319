-- a GIN index on a jsonb column is created
CREATE TABLE events (
  id integer PRIMARY KEY,
  payload jsonb NOT NULL
);

CREATE INDEX events_payload_idx ON events USING gin (payload jsonb_path_ops);
