-- a column statistics target is raised
CREATE TABLE events (
  id integer PRIMARY KEY,
  kind text NOT NULL
);

ALTER TABLE events ALTER COLUMN kind SET STATISTICS 1000;
