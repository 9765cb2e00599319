-- an existing table starts inheriting from a parent whose columns it already declares
CREATE TABLE vehicles (
  id integer NOT NULL,
  plate text NOT NULL
);

CREATE TABLE trucks (
  id integer NOT NULL,
  plate text NOT NULL,
  max_load integer
) INHERITS (vehicles);
