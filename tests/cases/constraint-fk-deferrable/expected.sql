-- Hazards: VALIDATION_MAY_FAIL
-- Each `-- confiture:commit` line commits the statements before it: a VALIDATE runs in a transaction of its own and holds only SHARE UPDATE EXCLUSIVE (apply it with `confiture migrate up`, or psql without -1/--single-transaction).

-- Lock: ACCESS EXCLUSIVE on public.authors, public.books
SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TABLE "public"."books" DROP CONSTRAINT "books_author_id_fkey";

-- Lock: SHARE ROW EXCLUSIVE on public.authors, public.books
ALTER TABLE "public"."books" ADD CONSTRAINT "books_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "public"."authors" ("id") DEFERRABLE INITIALLY DEFERRED NOT VALID;

-- confiture:commit

-- Lock: SHARE UPDATE EXCLUSIVE on public.books
-- VALIDATION_MAY_FAIL: fails if existing rows of public.books break books_author_id_fkey; holds SHARE UPDATE EXCLUSIVE on public.books and ROW SHARE on public.authors while it scans (reads and writes go on), in a transaction of its own
SET statement_timeout = '20min';
ALTER TABLE "public"."books" VALIDATE CONSTRAINT "books_author_id_fkey";

RESET lock_timeout;
RESET statement_timeout;
