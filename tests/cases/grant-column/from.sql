CREATE TABLE reports (
  id integer PRIMARY KEY,
  title text NOT NULL,
  salary_budget numeric
);
