CREATE TABLE growth (
  year integer PRIMARY KEY,
  factor numeric NOT NULL
);
