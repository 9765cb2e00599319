-- columns named "user" and "order" are added to an existing table
CREATE TABLE audit_log (
  id integer PRIMARY KEY,
  "user" text NOT NULL DEFAULT CURRENT_USER,
  "order" integer
);
