-- an empty schema is created
CREATE SCHEMA billing;
