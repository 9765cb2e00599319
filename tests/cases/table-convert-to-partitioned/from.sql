CREATE TABLE metrics (
  id bigint NOT NULL,
  recorded_on date NOT NULL,
  value double precision
);
