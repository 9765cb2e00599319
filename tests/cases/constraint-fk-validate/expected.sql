-- Hazards: VALIDATION_MAY_FAIL

-- VALIDATION_MAY_FAIL: fails if existing rows of public.books break books_author_id_fkey
SET lock_timeout = '3s';
SET statement_timeout = '20min';
ALTER TABLE "public"."books" VALIDATE CONSTRAINT "books_author_id_fkey";

RESET lock_timeout;
RESET statement_timeout;
