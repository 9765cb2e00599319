-- Who holds the migration lock, for a runner that has to wait: the Python tool's table,
-- unqualified (found through search_path, like the Python tool does).
CREATE TABLE IF NOT EXISTS confiture_lock_holder (
    lock_id BIGINT PRIMARY KEY,
    pid INT,
    hostname TEXT,
    usename TEXT,
    command TEXT,
    acquired_at TIMESTAMPTZ NOT NULL DEFAULT now()
)
