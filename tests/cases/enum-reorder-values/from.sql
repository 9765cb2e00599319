CREATE TYPE priority AS ENUM ('low', 'high', 'medium');

CREATE TABLE tickets (
  id integer PRIMARY KEY,
  priority priority NOT NULL
);
