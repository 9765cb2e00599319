-- an indexed column changes type (index is rebuilt)
CREATE TABLE events (
  id integer PRIMARY KEY,
  account_id bigint NOT NULL
);

CREATE INDEX events_account_id_idx ON events (account_id);
