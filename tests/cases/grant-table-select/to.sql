-- SELECT on a table is granted to a role
CREATE TABLE reports (
  id integer PRIMARY KEY,
  title text NOT NULL,
  salary_budget numeric
);

GRANT SELECT ON reports TO confiture_case_reader;
