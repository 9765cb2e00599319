-- a domain CHECK constraint keeps its name but changes expression
CREATE DOMAIN percentage AS numeric(5, 2)
  CONSTRAINT percentage_range CHECK (VALUE >= 0 AND VALUE <= 100);
