CREATE TABLE room_bookings (
  id integer PRIMARY KEY,
  room_id integer NOT NULL,
  during tstzrange NOT NULL
);
