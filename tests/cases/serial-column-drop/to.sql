-- a serial column and its owned sequence are dropped
CREATE TABLE notes (
  body text NOT NULL
);
