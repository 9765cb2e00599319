-- a view stops reading a column before that column is dropped
CREATE TABLE employees (
  id integer PRIMARY KEY,
  name text NOT NULL,
  department text NOT NULL,
  salary numeric(10, 2) NOT NULL
);

CREATE VIEW active_employees AS
  SELECT id, name, department FROM employees;
