-- a range type is created before the column that uses it
CREATE TYPE float_range AS RANGE (
  subtype = float8,
  subtype_diff = float8mi
);

CREATE TABLE sensors (
  id integer PRIMARY KEY,
  calibrated float_range
);
