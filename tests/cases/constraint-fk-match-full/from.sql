CREATE TABLE warehouses (
  region text NOT NULL,
  code text NOT NULL,
  CONSTRAINT warehouses_pkey PRIMARY KEY (region, code)
);

CREATE TABLE stock (
  id integer PRIMARY KEY,
  region text,
  warehouse_code text,
  CONSTRAINT stock_warehouse_fkey FOREIGN KEY (region, warehouse_code) REFERENCES warehouses (region, code)
);
