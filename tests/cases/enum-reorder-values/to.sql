-- enum values keep their names but change order (the type must be rebuilt)
CREATE TYPE priority AS ENUM ('low', 'medium', 'high');

CREATE TABLE tickets (
  id integer PRIMARY KEY,
  priority priority NOT NULL
);
