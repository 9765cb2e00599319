CREATE TABLE documents (
  id integer PRIMARY KEY,
  owner_name text NOT NULL
);

ALTER TABLE documents ENABLE ROW LEVEL SECURITY;

CREATE POLICY documents_owner ON documents USING (owner_name = current_user);

COMMENT ON POLICY documents_owner ON documents IS 'Authors see their own drafts';
