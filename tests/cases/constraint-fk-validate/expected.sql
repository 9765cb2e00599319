-- Hazards: VALIDATION_MAY_FAIL

-- Lock: SHARE UPDATE EXCLUSIVE on public.books
-- VALIDATION_MAY_FAIL: fails if existing rows of public.books break books_author_id_fkey; holds SHARE UPDATE EXCLUSIVE on public.books and ROW SHARE on public.authors while it scans (reads and writes go on), in a transaction of its own
SET lock_timeout = '3s';
SET statement_timeout = '20min';
ALTER TABLE "public"."books" VALIDATE CONSTRAINT "books_author_id_fkey";

RESET lock_timeout;
RESET statement_timeout;
