INSERT INTO users (email, display_name) VALUES ('ada@example.com', 'Ada');
INSERT INTO posts (author_id, title, body, published_at)
SELECT id, 'Hello', 'First post', now() FROM users WHERE email = 'ada@example.com';
