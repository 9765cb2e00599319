-- a column of an extension type is dropped before the extension
CREATE TABLE products (
  id integer PRIMARY KEY
);
