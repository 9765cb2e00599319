-- a primary key keeps its name but moves to two columns
CREATE TABLE memberships (
  tenant_id integer NOT NULL,
  id integer NOT NULL,
  CONSTRAINT memberships_pkey PRIMARY KEY (tenant_id, id)
);
