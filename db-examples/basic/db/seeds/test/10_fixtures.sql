INSERT INTO users (email, display_name) VALUES ('test@example.com', 'Test');
