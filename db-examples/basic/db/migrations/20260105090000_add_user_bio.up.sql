-- Users can say something about themselves.
ALTER TABLE users ADD COLUMN bio TEXT NOT NULL DEFAULT '';
