CREATE TABLE measurements (
  region integer NOT NULL,
  raw text
) PARTITION BY LIST (region);
