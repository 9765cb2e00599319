CREATE TABLE orders (
  id integer PRIMARY KEY,
  status text NOT NULL
);

CREATE VIEW order_status AS
  SELECT id, upper(status) AS status FROM orders;

CREATE FUNCTION order_status_update() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  UPDATE orders SET status = lower(NEW.status) WHERE id = NEW.id;
  RETURN NEW;
END;
$$;
