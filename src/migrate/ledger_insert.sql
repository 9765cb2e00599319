-- One ledger row, as a single parameterless statement (it also runs inside a libpq pipeline).
-- Kept to a plain VALUES insert: it runs once per migration, so its parse and plan time counts.
-- Placeholders: table (quoted), slug, version, name, checksum (literals or NULL),
-- execution_time_ms (an SQL expression), applied_by_column and applied_by_value (empty when the
-- table has no applied_by column).
INSERT INTO {table} (id, slug, version, name, execution_time_ms, checksum{applied_by_column})
VALUES (gen_random_uuid(), {slug}, {version}, {name}, {execution_time_ms}, {checksum}{applied_by_value})
