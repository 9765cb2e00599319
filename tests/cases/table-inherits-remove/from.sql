CREATE TABLE vehicles (
  id integer NOT NULL,
  plate text NOT NULL
);

CREATE TABLE trucks (
  max_load integer
) INHERITS (vehicles);
