-- an extension is created before the column default that calls its function
CREATE EXTENSION pgcrypto;

CREATE TABLE api_keys (
  id integer PRIMARY KEY,
  secret bytea NOT NULL DEFAULT gen_random_bytes(32)
);
