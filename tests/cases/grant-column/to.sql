-- column-level SELECT and UPDATE are granted
CREATE TABLE reports (
  id integer PRIMARY KEY,
  title text NOT NULL,
  salary_budget numeric
);

GRANT SELECT (id, title), UPDATE (title) ON reports TO confiture_case_reader;
