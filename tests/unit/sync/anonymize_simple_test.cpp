// redact, fixed, null and preserve: the strategies that need no key.
#include <catch2/catch.hpp>
#include <string>

#include "confiture/sync/anonymizer.hpp"

using namespace confiture::sync;

namespace {

std::unique_ptr<Anonymizer> make(std::string strategy,
                                 std::map<std::string, std::string> options = {},
                                 int max_length = -1) {
  ColumnInfo column{"users", "notes", "text", 'S', "text", max_length, false};
  return make_anonymizer({std::move(strategy), std::move(options), "", ""}, column, nullptr);
}

}  // namespace

TEST_CASE("redact writes [REDACTED], cut to the column") {
  std::string out;
  CHECK(make("redact")->apply("my secret", out));
  CHECK(out == "[REDACTED]");
  out.clear();
  CHECK(make("redact", {}, 4)->apply("my secret", out));
  CHECK(out == "[RED");
  out.clear();
  CHECK(make("redact")->apply("", out));
  CHECK(out == "[REDACTED]");
}

TEST_CASE("fixed writes its value, cut to the column") {
  std::string out;
  CHECK(make("fixed", {{"value", "n/a"}})->apply("anything", out));
  CHECK(out == "n/a");
  out.clear();
  CHECK(make("fixed", {{"value", "ééé"}}, 2)->apply("anything", out));
  CHECK(out == "éé");
  out.clear();
  CHECK(make("fixed", {{"value", ""}})->apply("anything", out));
  CHECK(out.empty());
}

TEST_CASE("null returns SQL NULL") {
  std::string out;
  CHECK_FALSE(make("null")->apply("anything", out));
  CHECK(out.empty());
}

TEST_CASE("preserve copies the value") {
  std::string out;
  CHECK(make("preserve")->apply("kept as it is \xE2\x9C\x93", out));
  CHECK(out == "kept as it is \xE2\x9C\x93");
}
