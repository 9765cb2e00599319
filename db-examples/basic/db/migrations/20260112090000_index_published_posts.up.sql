-- CREATE INDEX CONCURRENTLY cannot run inside a transaction, so confiture runs this file
-- statement by statement in autocommit; writes to posts go on while the index builds.
CREATE INDEX CONCURRENTLY IF NOT EXISTS posts_published_at_idx
    ON posts (published_at) WHERE published_at IS NOT NULL;
