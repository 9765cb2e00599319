-- Seeds for every environment that includes db/seeds/common.
INSERT INTO users (email, display_name) VALUES ('admin@example.com', 'Admin');
