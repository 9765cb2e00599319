CREATE TABLE orders (
  id integer PRIMARY KEY,
  status text NOT NULL,
  total numeric(12, 2) NOT NULL,
  updated_at timestamptz
);

CREATE TABLE order_changes (
  order_id integer NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION touch_updated_at() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END;
$$;

CREATE FUNCTION log_order_change() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  INSERT INTO order_changes (order_id) VALUES (NEW.id);
  RETURN NULL;
END;
$$;

CREATE TRIGGER orders_touch BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
