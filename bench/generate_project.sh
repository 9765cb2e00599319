#!/usr/bin/env bash
# Writes a synthetic Confiture project: N DDL files (default 1000, ~10 KB each: a commented
# table with indexes, a view and a PL/pgSQL function) in numbered nested directories.
# Usage: bench/generate_project.sh DIR [N]
set -euo pipefail
dir="$1"
count="${2:-1000}"
mkdir -p "$dir/db/environments"
cat > "$dir/db/environments/local.yaml" <<YAML
database:
  embedded: true
  database: bench_local
include_dirs:
  - db/schema
YAML
awk -v dir="$dir" -v count="$count" 'BEGIN {
  for (i = 0; i < count; i++) {
    group = sprintf("%s/db/schema/%02d_group", dir, int(i / 100));
    system("mkdir -p " group);
    file = sprintf("%s/%04d_entity_%d.sql", group, i, i);
    t = sprintf("entity_%d", i);
    printf "-- Entity %d: generated for the build benchmark.\n", i > file;
    for (c = 0; c < 75; c++)
      printf "-- Notes on %s, line %d: the quick brown fox jumps over the lazy dog again.\n", t, c > file;
    printf "CREATE TABLE %s (\n    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n", t > file;
    if (i > 0) printf "    parent_id BIGINT REFERENCES entity_%d (id),\n", i - 1 > file;
    for (c = 0; c < 30; c++)
      printf "    attribute_%02d %s,\n", c, (c % 3 == 0 ? "TEXT NOT NULL DEFAULT '\''none'\''" : (c % 3 == 1 ? "NUMERIC(12,2)" : "TIMESTAMPTZ DEFAULT now()")) > file;
    printf "    created_at TIMESTAMPTZ NOT NULL DEFAULT now()\n);\n\n" > file;
    printf "CREATE INDEX %s_created_idx ON %s (created_at);\n", t, t > file;
    printf "CREATE INDEX %s_attr_idx ON %s (attribute_00, attribute_01) WHERE attribute_02 IS NOT NULL;\n\n", t, t > file;
    printf "COMMENT ON TABLE %s IS '\''Entity number %d'\'';\n\n", t, i > file;
    printf "CREATE VIEW %s_recent AS\nSELECT id, attribute_00, attribute_01, created_at\nFROM %s\nWHERE created_at > now() - interval '\''30 days'\'';\n\n", t, t > file;
    printf "CREATE FUNCTION %s_touch(p_id BIGINT) RETURNS BIGINT\nLANGUAGE plpgsql AS $$\nDECLARE\n    n BIGINT;\nBEGIN\n", t > file;
    for (c = 0; c < 12; c++)
      printf "    -- step %d: keep the row fresh; a semicolon; inside a comment is fine\n    UPDATE %s SET created_at = now() WHERE id = p_id AND attribute_%02d IS NOT NULL;\n", c, t, c > file;
    printf "    SELECT count(*) INTO n FROM %s;\n    RETURN n;\nEND;\n$$;\n", t > file;
    close(file);
  }
}'
