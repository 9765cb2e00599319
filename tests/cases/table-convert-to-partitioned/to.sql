-- a plain table is replaced by a partitioned table of the same name
CREATE TABLE metrics (
  id bigint NOT NULL,
  recorded_on date NOT NULL,
  value double precision
) PARTITION BY RANGE (recorded_on);

CREATE TABLE metrics_2024 PARTITION OF metrics FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
