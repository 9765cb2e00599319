-- a primary key including the partition key is added to a partitioned table
CREATE TABLE measurements (
  id bigint NOT NULL,
  taken_on date NOT NULL,
  value numeric,
  CONSTRAINT measurements_pkey PRIMARY KEY (id, taken_on)
) PARTITION BY RANGE (taken_on);

CREATE TABLE measurements_2024 PARTITION OF measurements FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
