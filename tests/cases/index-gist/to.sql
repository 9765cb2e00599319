-- a GiST index on a range column is created
CREATE TABLE reservations (
  id integer PRIMARY KEY,
  during tstzrange NOT NULL
);

CREATE INDEX reservations_during_idx ON reservations USING gist (during);
