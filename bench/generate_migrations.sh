#!/usr/bin/env bash
# Writes a synthetic migration project: N small migrations (default 500), in cycles of ten per
# entity: create table, add columns + check, indexes, seed rows, child table with FK, backfill,
# child rows, a view or a PL/pgSQL function, unique index, NOT NULL column. Each one twice: as
# confiture files (db/migrations/{version}_{name}.up.sql + .down.sql) and as dbmate files
# (db/dbmate/{version}_{name}.sql with -- migrate:up / -- migrate:down) of the same SQL.
# Versions: 2026-01-01 00:00:00 + i seconds, as 14 digits. Usage: bench/generate_migrations.sh DIR [N]
set -euo pipefail
dir="$1"
count="${2:-500}"
mkdir -p "$dir/db/environments" "$dir/db/migrations" "$dir/db/dbmate"
cat > "$dir/db/environments/local.yaml" <<YAML
database:
  embedded: true
  database: bench_migrate
YAML
awk -v dir="$dir" -v count="$count" 'BEGIN {
  q = "\047";
  split("customer invoice product supplier shipment payment warehouse employee ticket contract", noun, " ");
  for (i = 0; i < count; i++) {
    g = int(i / 10);
    t = sprintf("%s_%d", noun[g % 10 + 1], int(g / 10));
    l = t "_line";
    slot = i % 10;
    if (slot == 0) {
      name = "create_" t;
      up = sprintf("CREATE TABLE %s (\n    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n    name TEXT NOT NULL,\n    created_at TIMESTAMPTZ NOT NULL DEFAULT now()\n);\nCOMMENT ON TABLE %s IS %s%s records%s;\n", t, t, q, t, q);
      down = sprintf("DROP TABLE %s;\n", t);
    } else if (slot == 1) {
      name = "add_status_to_" t;
      up = sprintf("ALTER TABLE %s ADD COLUMN status TEXT NOT NULL DEFAULT %snew%s;\nALTER TABLE %s ADD COLUMN amount NUMERIC(12,2);\nALTER TABLE %s ADD CONSTRAINT %s_amount_check CHECK (amount >= 0);\n", t, q, q, t, t, t);
      down = sprintf("ALTER TABLE %s DROP COLUMN amount;\nALTER TABLE %s DROP COLUMN status;\n", t, t);
    } else if (slot == 2) {
      name = "index_" t;
      up = sprintf("CREATE INDEX %s_status_idx ON %s (status);\nCREATE INDEX %s_created_at_idx ON %s (created_at DESC);\n", t, t, t, t);
      down = sprintf("DROP INDEX %s_created_at_idx;\nDROP INDEX %s_status_idx;\n", t, t);
    } else if (slot == 3) {
      name = "seed_" t;
      up = sprintf("INSERT INTO %s (name, status, amount) VALUES\n    (%s%s one%s, %snew%s, 10.50),\n    (%s%s two%s, %sactive%s, 99.00),\n    (%s%s three%s, %sclosed%s, 0);\n", t, q, t, q, q, q, q, t, q, q, q, q, t, q, q, q);
      down = sprintf("DELETE FROM %s WHERE name LIKE %s%s %%%s;\n", t, q, t, q);
    } else if (slot == 4) {
      name = "create_" l;
      up = sprintf("CREATE TABLE %s (\n    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n    %s_id BIGINT NOT NULL REFERENCES %s (id) ON DELETE CASCADE,\n    sku TEXT NOT NULL,\n    quantity INTEGER NOT NULL CHECK (quantity > 0),\n    unit_price NUMERIC(12,2) NOT NULL DEFAULT 0\n);\nCREATE INDEX %s_%s_id_idx ON %s (%s_id);\n", l, t, t, l, t, l, t);
      down = sprintf("DROP TABLE %s;\n", l);
    } else if (slot == 5) {
      name = "add_note_to_" t;
      up = sprintf("ALTER TABLE %s ADD COLUMN note TEXT;\nUPDATE %s SET note = %sseeded%s WHERE status = %snew%s;\nCOMMENT ON COLUMN %s.note IS %sfree text from the back office%s;\n", t, t, q, q, q, q, t, q, q);
      down = sprintf("ALTER TABLE %s DROP COLUMN note;\n", t);
    } else if (slot == 6) {
      name = "seed_" l;
      up = sprintf("INSERT INTO %s (%s_id, sku, quantity, unit_price)\nSELECT id, %sSKU-%s || id, 1 + id::int %% 3, 4.25 FROM %s;\nALTER TABLE %s ADD COLUMN discount NUMERIC(5,2) NOT NULL DEFAULT 0;\n", l, t, q, q, t, l);
      down = sprintf("ALTER TABLE %s DROP COLUMN discount;\nDELETE FROM %s;\n", l, l);
    } else if (slot == 7 && g % 2 == 0) {
      name = "create_" t "_summary";
      up = sprintf("CREATE VIEW %s_summary AS\nSELECT h.id, h.name, h.status, count(l.id) AS lines,\n       coalesce(sum(l.quantity * l.unit_price), 0) AS total\nFROM %s AS h\nLEFT JOIN %s AS l ON l.%s_id = h.id\nGROUP BY h.id;\n", t, t, l, t);
      down = sprintf("DROP VIEW %s_summary;\n", t);
    } else if (slot == 7) {
      name = "create_" t "_total";
      up = sprintf("CREATE FUNCTION %s_total(p_id BIGINT) RETURNS NUMERIC\nLANGUAGE plpgsql STABLE AS $$\nDECLARE\n    result NUMERIC;\nBEGIN\n    SELECT coalesce(sum(quantity * unit_price), 0) INTO result FROM %s WHERE %s_id = p_id;\n    RETURN result;\nEND;\n$$;\n", t, l, t);
      down = sprintf("DROP FUNCTION %s_total(BIGINT);\n", t);
    } else if (slot == 8) {
      name = "unique_" t "_name";
      up = sprintf("CREATE UNIQUE INDEX %s_name_key ON %s (lower(name));\nALTER TABLE %s ALTER COLUMN status SET DEFAULT %spending%s;\n", t, t, t, q, q);
      down = sprintf("ALTER TABLE %s ALTER COLUMN status SET DEFAULT %snew%s;\nDROP INDEX %s_name_key;\n", t, q, q, t);
    } else {
      name = "add_updated_at_to_" t;
      up = sprintf("ALTER TABLE %s ADD COLUMN updated_at TIMESTAMPTZ;\nUPDATE %s SET updated_at = created_at;\nALTER TABLE %s ALTER COLUMN updated_at SET NOT NULL;\nALTER TABLE %s ALTER COLUMN updated_at SET DEFAULT now();\n", t, t, t, t);
      down = sprintf("ALTER TABLE %s DROP COLUMN updated_at;\n", t);
    }
    base = sprintf("202601%02d%02d%02d%02d_%s", 1 + int(i / 86400), int(i / 3600) % 24, int(i / 60) % 60, i % 60, name);
    file = dir "/db/migrations/" base;
    printf "-- %s\n%s", name, up > (file ".up.sql"); close(file ".up.sql");
    printf "-- %s (undo)\n%s", name, down > (file ".down.sql"); close(file ".down.sql");
    file = dir "/db/dbmate/" base ".sql";
    printf "-- migrate:up\n%s\n-- migrate:down\n%s", up, down > file; close(file);
  }
}'
