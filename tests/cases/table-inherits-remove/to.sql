-- a child table stops inheriting from its parent and keeps its columns
CREATE TABLE vehicles (
  id integer NOT NULL,
  plate text NOT NULL
);

CREATE TABLE trucks (
  id integer NOT NULL,
  plate text NOT NULL,
  max_load integer
);
