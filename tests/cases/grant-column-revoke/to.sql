-- a column-level privilege is revoked, the others kept
CREATE TABLE reports (
  id integer PRIMARY KEY,
  title text NOT NULL,
  salary_budget numeric
);

GRANT SELECT (id, title) ON reports TO confiture_case_reader;
