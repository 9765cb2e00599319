CREATE TABLE reports (
  id integer PRIMARY KEY,
  title text NOT NULL,
  salary_budget numeric
);

CREATE VIEW report_titles AS
  SELECT id, title, salary_budget FROM reports;

GRANT SELECT ON report_titles TO confiture_case_reader;
