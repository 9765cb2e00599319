// The one reader of dotted names: quoted parts the same everywhere, bare parts as each syntax
// (configuration value, name written by a person, regclass text) allows them.
#include "confiture/report/dotted_name.hpp"

#include <catch2/catch.hpp>

using confiture::report::kConfigTableName;
using confiture::report::kRegclassText;
using confiture::report::kWrittenName;
using confiture::report::split_dotted_name;
using confiture::report::split_schema_and_name;
using Parts = std::vector<std::string>;

TEST_CASE("quoted parts read the same in every syntax") {
  for (const auto& syntax : {kConfigTableName, kWrittenName, kRegclassText}) {
    CHECK(split_dotted_name(R"("Ops"."Led ""ger")", syntax) == Parts{"Ops", "Led \"ger"});
    CHECK(split_dotted_name(R"("a.b")", syntax) == Parts{"a.b"});
    CHECK_FALSE(split_dotted_name(R"("unclosed)", syntax));
    CHECK_FALSE(split_dotted_name(R"("")", syntax));
    CHECK_FALSE(split_dotted_name(R"("a"b)", syntax));
    CHECK_FALSE(split_dotted_name(std::string("\"a\0b\"", 5), syntax));
    CHECK_FALSE(split_dotted_name("a.", syntax));
    CHECK_FALSE(split_dotted_name(".a", syntax));
    CHECK_FALSE(split_dotted_name("", syntax));
  }
}

TEST_CASE("kConfigTableName: the Python tool's plain parts, no blanks, at most two") {
  CHECK(split_dotted_name("Audit.Schema_Log2", kConfigTableName) == Parts{"Audit", "Schema_Log2"});
  for (const char* bad : {"a b", " a", "a ", "1x", "a.b.c", "a-b", "a . b"}) {
    INFO(bad);
    CHECK_FALSE(split_dotted_name(bad, kConfigTableName));
  }
}

TEST_CASE("kWrittenName: bare parts trimmed, blanks inside kept, case kept") {
  CHECK(split_dotted_name(" sales . Orders ", kWrittenName) == Parts{"sales", "Orders"});
  CHECK(split_dotted_name("my table", kWrittenName) == Parts{"my table"});
  CHECK_FALSE(split_dotted_name(R"(a"b)", kWrittenName));
  CHECK_FALSE(split_dotted_name("a.b.c", kWrittenName));
}

TEST_CASE("kRegclassText: as nextval('...') reads it") {
  CHECK(split_dotted_name(" Public . \"Seq\" ", kRegclassText) == Parts{"public", "Seq"});
  CHECK(split_dotted_name("db.s.t.c", kRegclassText) == Parts{"db", "s", "t", "c"});
  CHECK(split_dotted_name(R"(a"b)", kRegclassText) == Parts{"a\"b"});
  CHECK_FALSE(split_dotted_name("my seq", kRegclassText));
}

TEST_CASE("split_schema_and_name: one or two parts") {
  const auto unqualified = split_schema_and_name("users", kWrittenName);
  REQUIRE(unqualified);
  CHECK(unqualified->schema.empty());
  CHECK(unqualified->name == "users");
  const auto qualified = split_schema_and_name("S.T", kRegclassText);
  REQUIRE(qualified);
  CHECK(qualified->schema == "s");
  CHECK(qualified->name == "t");
  CHECK_FALSE(split_schema_and_name("a.b.c", kRegclassText));
}
