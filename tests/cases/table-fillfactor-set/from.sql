CREATE TABLE sessions (
  id uuid PRIMARY KEY,
  last_seen timestamptz NOT NULL
);
