CREATE TABLE posts (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    author_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    body TEXT NOT NULL DEFAULT '',
    published_at TIMESTAMPTZ
);

CREATE INDEX posts_author_published_idx ON posts (author_id, published_at DESC);
CREATE INDEX posts_published_at_idx ON posts (published_at) WHERE published_at IS NOT NULL;
