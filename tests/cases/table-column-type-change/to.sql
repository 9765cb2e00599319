-- a column type widens from integer to bigint (rewrite)
CREATE TABLE line_items (
  id integer PRIMARY KEY,
  quantity bigint NOT NULL
);
