-- a set-returning function with RETURNS TABLE is created after its table
CREATE TABLE employees (
  id integer PRIMARY KEY,
  name text NOT NULL,
  department text NOT NULL,
  salary numeric(10, 2) NOT NULL,
  active boolean NOT NULL DEFAULT true
);

CREATE FUNCTION employees_in(dept text) RETURNS TABLE (id integer, name text)
  LANGUAGE sql STABLE
  AS $$ SELECT e.id, e.name FROM employees e WHERE e.department = dept $$;
