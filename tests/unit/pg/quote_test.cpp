// quote_ident / quote_literal: every name and value the library puts into SQL goes through them.
#include "confiture/pg/quote.hpp"

#include <catch2/catch.hpp>

using confiture::pg::quote_ident;
using confiture::pg::quote_list;
using confiture::pg::quote_literal;

TEST_CASE("quote_ident always double-quotes and doubles embedded quotes") {
  CHECK(quote_ident("users") == "\"users\"");
  CHECK(quote_ident("Users") == "\"Users\"");
  CHECK(quote_ident("select") == "\"select\"");
  CHECK(quote_ident("a\"b") == "\"a\"\"b\"");
  CHECK(quote_ident("") == "\"\"");
  CHECK(quote_ident("naïve space") == "\"naïve space\"");
}

TEST_CASE("quote_literal doubles single quotes") {
  CHECK(quote_literal("abc") == "'abc'");
  CHECK(quote_literal("it's") == "'it''s'");
  CHECK(quote_literal("") == "''");
  CHECK(quote_literal("'; DROP TABLE x; --") == "'''; DROP TABLE x; --'");
}

TEST_CASE("quote_literal uses the E'' form when a backslash is present") {
  CHECK(quote_literal("a\\b") == "E'a\\\\b'");
  CHECK(quote_literal("\\'") == "E'\\\\'''");
}

TEST_CASE("quote_list quotes each column, with an optional alias prefix") {
  CHECK(quote_list({}) == "");
  CHECK(quote_list({"a"}) == "\"a\"");
  CHECK(quote_list({"a", "B c", "d\"e"}) == "\"a\", \"B c\", \"d\"\"e\"");
  CHECK(quote_list({"a", "b"}, "t") == "t.\"a\", t.\"b\"");
}
