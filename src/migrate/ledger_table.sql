-- The tracking table (SPEC 3), column for column the Python tool's, so both tools share it.
-- Placeholders: table (quoted, maybe schema-qualified) and the four quoted index names.
CREATE TABLE IF NOT EXISTS {table} (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    pk_confiture BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    slug TEXT NOT NULL UNIQUE,
    version VARCHAR(255) NOT NULL UNIQUE,
    name VARCHAR(255) NOT NULL,
    applied_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    execution_time_ms INTEGER,
    checksum VARCHAR(64),
    applied_by TEXT
);
CREATE INDEX IF NOT EXISTS {idx_pk_confiture} ON {table} (pk_confiture);
CREATE INDEX IF NOT EXISTS {idx_slug} ON {table} (slug);
CREATE INDEX IF NOT EXISTS {idx_version} ON {table} (version);
CREATE INDEX IF NOT EXISTS {idx_applied_at} ON {table} (applied_at DESC);
