-- a varchar limit is raised (no rewrite)
CREATE TABLE users (
  id integer PRIMARY KEY,
  display_name varchar(200) NOT NULL
);
