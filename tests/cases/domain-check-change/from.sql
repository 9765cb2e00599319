CREATE DOMAIN percentage AS numeric(5, 2)
  CONSTRAINT percentage_range CHECK (VALUE >= 0);
