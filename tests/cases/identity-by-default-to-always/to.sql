-- an identity column switches from BY DEFAULT to ALWAYS
CREATE TABLE notes (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY
);
