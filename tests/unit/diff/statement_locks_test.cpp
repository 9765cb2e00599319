// The lock read off each statement the differ writes (src/diff/locks.cpp), without a server; the
// integration test statement_locks_test.cpp checks the same rules against pg_locks.
#include <catch2/catch.hpp>

#include "diff/locks.hpp"

using namespace confiture;
using diff::LockMode;

namespace {

catalog::Catalog shop() {
  catalog::Table authors{.name = {"public", "authors"}};
  catalog::Table books{.name = {"public", "books"}};
  books.foreign_keys.push_back(
      {.name = "books_author_fkey", .columns = {"author_id"}, .referenced = {"public", "authors"}});
  return {.tables = {authors, books}};
}

diff::StatementLock lock_of(const std::string& sql, const diff::Renames& renames = {}) {
  return diff::statement_lock(sql, shop(), renames);
}

}  // namespace

TEST_CASE("B2: ADD FOREIGN KEY NOT VALID names SHARE ROW EXCLUSIVE on both tables") {
  const auto lock = lock_of(
      "ALTER TABLE public.books ADD CONSTRAINT f FOREIGN KEY (author_id) REFERENCES "
      "public.authors (id) NOT VALID");
  CHECK(lock.mode == LockMode::kShareRowExclusive);
  CHECK(lock.relations == std::vector<std::string>{"public.authors", "public.books"});
}

TEST_CASE("B3: VALIDATE names SHARE UPDATE EXCLUSIVE, SET NOT NULL after it ACCESS EXCLUSIVE") {
  CHECK(lock_of("ALTER TABLE public.books VALIDATE CONSTRAINT c").mode ==
        LockMode::kShareUpdateExclusive);
  const auto lock = lock_of("ALTER TABLE public.books ALTER COLUMN author_id SET NOT NULL");
  CHECK(lock.mode == LockMode::kAccessExclusive);
  CHECK(lock.relations == std::vector<std::string>{"public.books"});
}

TEST_CASE("statement locks: several actions take the strongest of theirs") {
  const auto lock = lock_of(
      "ALTER TABLE public.books ALTER COLUMN a SET STATISTICS 100, ALTER COLUMN a TYPE bigint");
  CHECK(lock.mode == LockMode::kAccessExclusive);
}

TEST_CASE("statement locks: dropping a foreign key locks the table it references, renamed or not") {
  diff::Renames renames;
  renames.tables[{"public", "writers"}] = "authors";
  const auto lock = lock_of("ALTER TABLE public.books DROP CONSTRAINT books_author_fkey", renames);
  CHECK(lock.relations == std::vector<std::string>{"public.books", "public.writers"});
}

TEST_CASE("statement locks: a read-only lock lists no relations, a new object locks nothing") {
  const auto view = lock_of("CREATE VIEW public.v AS SELECT * FROM public.books");
  CHECK(view.mode == LockMode::kAccessShare);
  CHECK(view.relations.empty());
  CHECK(lock_of("CREATE TABLE public.t (id int)").mode == LockMode::kNone);
}

TEST_CASE("statement locks: what PostgreSQL 15 cannot parse, and a DO block, assume the worst") {
  const auto unknown = lock_of("ALTER TABLE public.books FROBNICATE");
  CHECK(unknown.mode == LockMode::kAccessExclusive);
  CHECK(unknown.assumed);
  CHECK(lock_of("DO $$ BEGIN PERFORM 1; END $$").assumed);
}
