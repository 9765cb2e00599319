-- The hash of the most recent build recorded in this database, if any.
SELECT schema_hash FROM public.tb_confiture_build ORDER BY id DESC LIMIT 1
