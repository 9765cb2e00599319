// The tracking table exactly as the Python tool creates it, for the compatibility tests.
#pragma once

namespace confiture::test {

// The Python tool's DDL (python/confiture/core/_migrator/state.py), with its extra column.
inline constexpr const char* kPythonLedger = R"sql(
CREATE TABLE IF NOT EXISTS "tb_confiture" (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    pk_confiture BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    slug TEXT NOT NULL UNIQUE,
    version VARCHAR(255) NOT NULL UNIQUE,
    name VARCHAR(255) NOT NULL,
    applied_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    execution_time_ms INTEGER,
    checksum VARCHAR(64),
    applied_by TEXT,
    archived_into VARCHAR(255)
);
CREATE INDEX IF NOT EXISTS "idx_tb_confiture_pk_confiture" ON "tb_confiture"(pk_confiture);
CREATE INDEX IF NOT EXISTS "idx_tb_confiture_slug" ON "tb_confiture"(slug);
CREATE INDEX IF NOT EXISTS "idx_tb_confiture_version" ON "tb_confiture"(version);
CREATE INDEX IF NOT EXISTS "idx_tb_confiture_applied_at" ON "tb_confiture"(applied_at DESC);
)sql";

}  // namespace confiture::test
