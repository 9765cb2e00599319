-- Types, extensions and schemas come first: everything after may use them.
CREATE DOMAIN email_address AS TEXT CHECK (VALUE ~ '^[^@\s]+@[^@\s]+$');
