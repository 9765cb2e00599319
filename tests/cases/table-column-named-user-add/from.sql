CREATE TABLE audit_log (
  id integer PRIMARY KEY
);
