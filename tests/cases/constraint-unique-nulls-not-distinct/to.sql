-- a unique constraint switches to NULLS NOT DISTINCT
CREATE TABLE devices (
  id integer PRIMARY KEY,
  serial_number text,
  CONSTRAINT devices_serial_number_key UNIQUE NULLS NOT DISTINCT (serial_number)
);
