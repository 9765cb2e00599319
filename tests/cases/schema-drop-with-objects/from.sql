CREATE SCHEMA legacy;

CREATE TABLE legacy.events (
  id bigint PRIMARY KEY,
  happened_at timestamptz NOT NULL
);

CREATE VIEW legacy.recent_events AS
  SELECT id, happened_at FROM legacy.events WHERE happened_at > now() - interval '1 day';
