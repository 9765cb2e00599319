-- a domain default changes value
CREATE DOMAIN quantity AS integer DEFAULT 0;
