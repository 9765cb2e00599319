-- a column with a volatile default is appended (rewrites the table)
CREATE TABLE customers (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL,
  external_id uuid NOT NULL DEFAULT gen_random_uuid()
);
