-- a CHECK constraint is removed from a domain
CREATE DOMAIN percentage AS numeric(5, 2);
