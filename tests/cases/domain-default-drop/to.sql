-- a domain default is removed
CREATE DOMAIN quantity AS integer;
