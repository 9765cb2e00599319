CREATE TABLE reports (
  id integer PRIMARY KEY,
  title text NOT NULL,
  salary_budget numeric
);

GRANT SELECT (id, title, salary_budget) ON reports TO confiture_case_reader;
