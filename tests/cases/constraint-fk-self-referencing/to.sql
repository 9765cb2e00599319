-- a self-referencing foreign key is added
CREATE TABLE employees (
  id integer PRIMARY KEY,
  manager_id integer,
  CONSTRAINT employees_manager_id_fkey FOREIGN KEY (manager_id) REFERENCES employees (id) ON DELETE SET NULL
);
