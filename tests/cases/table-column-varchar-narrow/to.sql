-- varchar, char and bit varying limits are lowered: cast to the unbounded type, so a value that does not fit fails instead of being cut
CREATE TABLE users (
  id integer PRIMARY KEY,
  display_name varchar(5),
  code char(3),
  flags bit varying(4)
);
