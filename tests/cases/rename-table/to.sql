-- a table is renamed (annotation), its rows kept
CREATE TABLE customers ( -- confiture:renamed-from clients
  id integer PRIMARY KEY,
  name text NOT NULL
);
