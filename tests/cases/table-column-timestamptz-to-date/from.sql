CREATE TABLE events (
  id integer PRIMARY KEY,
  happened_at timestamptz
);
