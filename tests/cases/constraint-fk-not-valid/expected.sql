-- Hazards: none

-- Lock: SHARE ROW EXCLUSIVE on public.authors, public.books
SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TABLE "public"."books" ADD CONSTRAINT "books_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "public"."authors" ("id") NOT VALID;

RESET lock_timeout;
RESET statement_timeout;
