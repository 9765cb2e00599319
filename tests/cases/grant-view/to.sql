-- SELECT on a recreated view is granted again after the view changes
CREATE TABLE reports (
  id integer PRIMARY KEY,
  title text NOT NULL,
  salary_budget numeric
);

CREATE VIEW report_titles AS
  SELECT id, title FROM reports;

GRANT SELECT ON report_titles TO confiture_case_reader;
