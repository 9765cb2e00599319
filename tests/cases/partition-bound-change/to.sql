-- a partition keeps its name but covers a different range (detach, then attach)
CREATE TABLE measurements (
  id bigint NOT NULL,
  taken_on date NOT NULL,
  value numeric
) PARTITION BY RANGE (taken_on);

CREATE TABLE measurements_2024 PARTITION OF measurements FOR VALUES FROM ('2024-01-01') TO ('2024-07-01');
