-- How far a migration file split by `-- confiture:commit` lines got: the parts committed so far,
-- for a run that failed in a later part. Unqualified like confiture_lock_holder; a row lives only
-- between a failed part and the rerun that finishes the file (which deletes it with the ledger
-- insert, in one transaction).
CREATE TABLE IF NOT EXISTS confiture_migration_parts (
    migration TEXT NOT NULL,
    direction TEXT NOT NULL,
    checksum VARCHAR(64) NOT NULL,
    parts_committed INTEGER NOT NULL,
    committed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (migration, direction)
)
