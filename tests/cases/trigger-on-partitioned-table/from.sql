CREATE TABLE readings (
  id bigint NOT NULL,
  taken_on date NOT NULL,
  updated_at timestamptz
) PARTITION BY RANGE (taken_on);

CREATE TABLE readings_2024 PARTITION OF readings FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');

CREATE FUNCTION touch_updated_at() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END;
$$;
