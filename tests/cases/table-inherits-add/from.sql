CREATE TABLE vehicles (
  id integer NOT NULL,
  plate text NOT NULL
);

CREATE TABLE trucks (
  id integer NOT NULL,
  plate text NOT NULL,
  max_load integer
);
