CREATE TABLE reports (
  id integer PRIMARY KEY,
  title text NOT NULL,
  salary_budget numeric
);

GRANT SELECT, INSERT, UPDATE ON reports TO confiture_case_writer;
