CREATE TABLE clients (
  id integer PRIMARY KEY
);

CREATE TABLE orders (
  id integer PRIMARY KEY,
  client_id integer NOT NULL,
  CONSTRAINT orders_client_id_fkey FOREIGN KEY (client_id) REFERENCES clients (id)
);
