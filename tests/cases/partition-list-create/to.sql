-- a list-partitioned table and its partitions are created
CREATE TABLE customers (
  id bigint NOT NULL,
  region text NOT NULL
) PARTITION BY LIST (region);

CREATE TABLE customers_eu PARTITION OF customers FOR VALUES IN ('eu', 'uk');

CREATE TABLE customers_us PARTITION OF customers FOR VALUES IN ('us');
