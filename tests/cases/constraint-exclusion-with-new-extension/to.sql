-- btree_gist is created before the exclusion constraint that needs it
CREATE EXTENSION btree_gist;

CREATE TABLE room_bookings (
  id integer PRIMARY KEY,
  room_id integer NOT NULL,
  during tstzrange NOT NULL,
  CONSTRAINT room_bookings_no_overlap EXCLUDE USING gist (room_id WITH =, during WITH &&)
);
