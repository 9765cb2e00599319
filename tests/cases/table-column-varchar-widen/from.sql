CREATE TABLE users (
  id integer PRIMARY KEY,
  display_name varchar(50) NOT NULL
);
