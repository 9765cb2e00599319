CREATE TABLE memberships (
  tenant_id integer NOT NULL,
  id integer NOT NULL,
  CONSTRAINT memberships_pkey PRIMARY KEY (id)
);
