-- Roles the golden cases grant to; run once per server before loading any case (idempotent).
DO $$
BEGIN
  CREATE ROLE confiture_case_reader NOLOGIN;
EXCEPTION
  WHEN duplicate_object THEN NULL;
END
$$;

DO $$
BEGIN
  CREATE ROLE confiture_case_writer NOLOGIN;
EXCEPTION
  WHEN duplicate_object THEN NULL;
END
$$;

DO $$
BEGIN
  CREATE ROLE confiture_case_admin NOLOGIN;
EXCEPTION
  WHEN duplicate_object THEN NULL;
END
$$;
