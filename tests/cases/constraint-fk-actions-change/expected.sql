-- Hazards: VALIDATION_MAY_FAIL

SET lock_timeout = '3s';
SET statement_timeout = '10s';
ALTER TABLE "public"."books" DROP CONSTRAINT "books_author_id_fkey";

ALTER TABLE "public"."books" ADD CONSTRAINT "books_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "public"."authors" ("id") ON UPDATE CASCADE ON DELETE SET NULL NOT VALID;

-- VALIDATION_MAY_FAIL: fails if existing rows of public.books break books_author_id_fkey
SET statement_timeout = '20min';
ALTER TABLE "public"."books" VALIDATE CONSTRAINT "books_author_id_fkey";

RESET lock_timeout;
RESET statement_timeout;
