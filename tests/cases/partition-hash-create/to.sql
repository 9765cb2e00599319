-- a hash-partitioned table and its partitions are created
CREATE TABLE events (
  id bigint NOT NULL,
  payload jsonb
) PARTITION BY HASH (id);

CREATE TABLE events_p0 PARTITION OF events FOR VALUES WITH (MODULUS 2, REMAINDER 0);

CREATE TABLE events_p1 PARTITION OF events FOR VALUES WITH (MODULUS 2, REMAINDER 1);
