CREATE DOMAIN quantity AS integer;
