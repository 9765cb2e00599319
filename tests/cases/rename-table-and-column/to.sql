-- a table and one of its columns are renamed in the same plan
CREATE TABLE customers ( -- confiture:renamed-from clients
  id integer PRIMARY KEY,
  full_name text NOT NULL -- confiture:renamed-from name
);
