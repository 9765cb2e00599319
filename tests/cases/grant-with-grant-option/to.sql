-- an existing grant gains WITH GRANT OPTION
CREATE TABLE reports (
  id integer PRIMARY KEY,
  title text NOT NULL,
  salary_budget numeric
);

GRANT SELECT ON reports TO confiture_case_admin WITH GRANT OPTION;
