-- a serial column (implicit owned sequence and default) is added
CREATE TABLE notes (
  body text NOT NULL,
  id serial
);
