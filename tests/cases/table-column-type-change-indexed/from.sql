CREATE TABLE events (
  id integer PRIMARY KEY,
  account_id integer NOT NULL
);

CREATE INDEX events_account_id_idx ON events (account_id);
