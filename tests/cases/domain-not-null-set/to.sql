-- a domain becomes NOT NULL
CREATE DOMAIN sku AS text NOT NULL;
