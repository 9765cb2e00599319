CREATE TABLE posts (
  id integer PRIMARY KEY,
  views integer DEFAULT 0,
  rank smallint,
  title text NOT NULL,
  slug varchar(50),
  score numeric(8,2)
);
