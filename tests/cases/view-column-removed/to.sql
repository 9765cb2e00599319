-- a view loses a column (must be dropped and recreated)
CREATE TABLE employees (
  id integer PRIMARY KEY,
  name text NOT NULL,
  department text NOT NULL,
  salary numeric(10, 2) NOT NULL,
  active boolean NOT NULL DEFAULT true
);

CREATE VIEW active_employees AS
  SELECT id, name FROM employees WHERE active;
