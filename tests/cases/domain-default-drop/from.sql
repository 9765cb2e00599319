CREATE DOMAIN quantity AS integer DEFAULT 1;
