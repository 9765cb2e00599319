-- a partition that is itself partitioned is added
CREATE TABLE measurements (
  id bigint NOT NULL,
  taken_on date NOT NULL,
  value numeric
) PARTITION BY RANGE (taken_on);

CREATE TABLE measurements_2023 PARTITION OF measurements FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');

CREATE TABLE measurements_2024 PARTITION OF measurements
  FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')
  PARTITION BY RANGE (taken_on);

CREATE TABLE measurements_2024_h1 PARTITION OF measurements_2024 FOR VALUES FROM ('2024-01-01') TO ('2024-07-01');

CREATE TABLE measurements_2024_h2 PARTITION OF measurements_2024 FOR VALUES FROM ('2024-07-01') TO ('2025-01-01');
