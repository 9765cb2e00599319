CREATE TABLE measurements (
  id bigint NOT NULL,
  taken_on date NOT NULL,
  value numeric
) PARTITION BY RANGE (taken_on);

CREATE TABLE measurements_2023 PARTITION OF measurements FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
