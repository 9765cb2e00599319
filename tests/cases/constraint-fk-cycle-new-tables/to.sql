-- two new tables reference each other (one FK must be added after both exist)
CREATE TABLE departments (
  id integer PRIMARY KEY,
  head_employee_id integer
);

CREATE TABLE employees (
  id integer PRIMARY KEY,
  department_id integer NOT NULL,
  CONSTRAINT employees_department_id_fkey FOREIGN KEY (department_id) REFERENCES departments (id)
);

ALTER TABLE departments
  ADD CONSTRAINT departments_head_employee_id_fkey FOREIGN KEY (head_employee_id) REFERENCES employees (id)
  DEFERRABLE INITIALLY DEFERRED;
