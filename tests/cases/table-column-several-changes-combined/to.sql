-- five column changes of one table are one ALTER TABLE, so the table is rewritten once
CREATE TABLE posts (
  id integer PRIMARY KEY,
  views bigint DEFAULT 1,
  rank integer,
  title varchar(200),
  slug varchar(100),
  score numeric(10,2)
);
