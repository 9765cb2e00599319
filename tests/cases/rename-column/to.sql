-- a column is renamed (annotation), its data kept
CREATE TABLE customers (
  id integer PRIMARY KEY,
  full_name text NOT NULL -- confiture:renamed-from name
);
