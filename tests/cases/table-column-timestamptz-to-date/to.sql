-- a timestamptz becomes a date: the time of day is dropped, so the plan deletes data
CREATE TABLE events (
  id integer PRIMARY KEY,
  happened_at date
);
