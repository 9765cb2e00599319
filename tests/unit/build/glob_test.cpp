// The glob matcher of include/exclude patterns: *, **, ?, classes, and the Python tool's suffix
// matching.
#include "confiture/build/glob.hpp"

#include <catch2/catch.hpp>

using confiture::build::glob_match;
using confiture::build::glob_match_suffix;

TEST_CASE("glob: * stays inside one segment, ** spans any depth") {
  CHECK(glob_match("*.sql", "a.sql"));
  CHECK_FALSE(glob_match("*.sql", "dir/a.sql"));
  CHECK(glob_match("**/*.sql", "a.sql"));
  CHECK(glob_match("**/*.sql", "x/y/a.sql"));
  CHECK(glob_match("x/**/a.sql", "x/a.sql"));
  CHECK_FALSE(glob_match("**/*.sql", "a.txt"));
}

TEST_CASE("glob: ? and character classes") {
  CHECK(glob_match("0?_*.sql", "01_users.sql"));
  CHECK(glob_match("[0-9]*.sql", "7_x.sql"));
  CHECK_FALSE(glob_match("[!0-9]*.sql", "7_x.sql"));
  CHECK(glob_match("[!0-9]*.sql", "x.sql"));
}

TEST_CASE("glob: suffix matching behaves like the Python tool's exclude patterns") {
  CHECK(glob_match_suffix("big_*.sql", "data/seeds/big_1.sql"));
  CHECK(glob_match_suffix("**/big_*.sql", "big_1.sql"));
  CHECK_FALSE(glob_match_suffix("big_*.sql", "data/small.sql"));
}
