-- a default is set on a domain
CREATE DOMAIN quantity AS integer DEFAULT 1;
