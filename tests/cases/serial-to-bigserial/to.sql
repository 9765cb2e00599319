-- a serial column widens to bigserial (column type and sequence type both change)
CREATE TABLE events (
  id bigserial PRIMARY KEY,
  payload jsonb
);
