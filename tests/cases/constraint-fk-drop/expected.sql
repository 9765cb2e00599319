-- Hazards: none

-- Lock: ACCESS EXCLUSIVE on public.authors, public.books
SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TABLE "public"."books" DROP CONSTRAINT "books_author_id_fkey";

RESET lock_timeout;
RESET statement_timeout;
