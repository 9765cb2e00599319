CREATE TABLE devices (
  id integer PRIMARY KEY,
  serial_number text,
  CONSTRAINT devices_serial_number_key UNIQUE (serial_number)
);
