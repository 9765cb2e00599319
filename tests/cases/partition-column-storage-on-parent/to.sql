-- a partitioned table's column gets MAIN storage and a new partition, which copies it
CREATE TABLE measurements (
  region integer NOT NULL,
  raw text
) PARTITION BY LIST (region);

ALTER TABLE measurements ALTER COLUMN raw SET STORAGE MAIN;

CREATE TABLE measurements_eu PARTITION OF measurements FOR VALUES IN (1);
