CREATE TABLE teams (
  id integer PRIMARY KEY,
  member_name text NOT NULL,
  role text NOT NULL
);

CREATE VIEW my_teams AS
  SELECT id, role FROM teams WHERE member_name = current_user;

CREATE TABLE documents (
  id integer PRIMARY KEY,
  team_id integer NOT NULL
);

ALTER TABLE documents ENABLE ROW LEVEL SECURITY;

CREATE POLICY documents_team ON documents USING (team_id IN (SELECT id FROM my_teams));
