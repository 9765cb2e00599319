-- a domain stops being NOT NULL
CREATE DOMAIN sku AS text;
