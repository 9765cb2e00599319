-- Where `confiture build` records what it built, so an unchanged schema is not rebuilt.
CREATE TABLE IF NOT EXISTS public.tb_confiture_build (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  environment TEXT NOT NULL,
  schema_hash VARCHAR(64) NOT NULL,
  file_count INTEGER NOT NULL,
  built_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  built_by TEXT NOT NULL DEFAULT current_user,
  tool_version TEXT NOT NULL
)
