CREATE TABLE events (
  id serial PRIMARY KEY,
  payload jsonb
);
