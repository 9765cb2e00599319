-- autovacuum storage parameters change, one kept, one added, one removed
CREATE TABLE sessions (
  id uuid PRIMARY KEY,
  last_seen timestamptz NOT NULL
) WITH (fillfactor = 70, autovacuum_analyze_scale_factor = 0.02);
