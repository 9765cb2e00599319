-- a policy moves from PUBLIC to two named roles
CREATE TABLE documents (
  id integer PRIMARY KEY,
  owner_name text NOT NULL,
  published boolean NOT NULL DEFAULT false
);

ALTER TABLE documents ENABLE ROW LEVEL SECURITY;

CREATE POLICY documents_owner ON documents TO confiture_case_reader, confiture_case_writer USING (owner_name = current_user);
