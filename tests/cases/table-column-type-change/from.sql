CREATE TABLE line_items (
  id integer PRIMARY KEY,
  quantity integer NOT NULL
);
