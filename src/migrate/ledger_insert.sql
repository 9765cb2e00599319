-- One ledger row, as a single parameterless statement (it also runs inside a libpq pipeline).
-- The slug is made unique here, in the same statement: the plain slug, else slug_version,
-- else slug_version plus the start of the row's uuid.
-- Placeholders: table (quoted), version, name, checksum, slug_base (SQL expressions: quoted
-- literals or server expressions), execution_time_ms (SQL expression), applied_by_column and
-- applied_by_value (empty when the table has no applied_by column).
INSERT INTO {table} (id, slug, version, name, execution_time_ms, checksum{applied_by_column})
SELECT new_row.id,
       CASE
         WHEN NOT EXISTS (SELECT 1 FROM {table} AS t WHERE t.slug = new_row.slug)
           THEN new_row.slug
         WHEN NOT EXISTS (SELECT 1 FROM {table} AS t
                          WHERE t.slug = new_row.slug || '_' || new_row.version)
           THEN new_row.slug || '_' || new_row.version
         ELSE new_row.slug || '_' || new_row.version || '_' || left(new_row.id::text, 8)
       END,
       new_row.version,
       new_row.name,
       new_row.execution_time_ms,
       new_row.checksum{applied_by_value}
FROM (SELECT gen_random_uuid() AS id,
             ({slug_base})::text AS slug,
             ({version})::text AS version,
             ({name})::text AS name,
             ({execution_time_ms})::integer AS execution_time_ms,
             ({checksum})::text AS checksum) AS new_row
