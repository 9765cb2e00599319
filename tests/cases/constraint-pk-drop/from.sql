CREATE TABLE tags (
  id integer NOT NULL,
  label text NOT NULL,
  CONSTRAINT tags_pkey PRIMARY KEY (id)
);
