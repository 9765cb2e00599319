CREATE DOMAIN percentage AS numeric(5, 2);
