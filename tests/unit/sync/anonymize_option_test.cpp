// `--anonymize schema.table.column[:strategy],...`: the items it accepts and the ones it refuses.
#include <catch2/catch.hpp>
#include <stdexcept>
#include <string>

#include "confiture/report/codes.hpp"
#include "confiture/report/error.hpp"
#include "confiture/sync/profile.hpp"

using confiture::Error;
using confiture::ExitClass;
using namespace confiture::sync;

namespace {

Error error_parsing(const std::string& text) {
  try {
    parse_anonymize_option(text);
  } catch (const Error& e) {
    CHECK(e.code == confiture::codes::kAnonBadProfile);
    CHECK(e.exit_class == ExitClass::kConfig);
    CHECK(std::string(e.what()).rfind("--anonymize: ", 0) == 0);
    return e;
  }
  throw std::logic_error("expected a confiture::Error for " + text);
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("table.column and schema.table.column, with and without a strategy",
          "[sync][anonymize_option]") {
  const std::vector<ColumnRule> rules =
      parse_anonymize_option("users.email:email, public.users.phone ,orders.Note:redact");
  REQUIRE(rules.size() == 3);

  CHECK(rules[0].table == "users");
  CHECK(rules[0].column == "email");
  CHECK(rules[0].spec.strategy == "email");

  CHECK(rules[1].table == "public.users");
  CHECK(rules[1].column == "phone");
  CHECK(rules[1].spec.strategy.empty());  // picked later from the column's name and type

  CHECK(rules[2].table == "orders");
  CHECK(rules[2].column == "Note");  // case kept
  CHECK(rules[2].spec.strategy == "redact");

  for (const ColumnRule& rule : rules) {
    CHECK(rule.origin == "--anonymize");
    CHECK(rule.spec.seed.empty());
    CHECK(rule.spec.key_env.empty());
    CHECK(rule.spec.options.empty());
  }
}

TEST_CASE("whitespace around items and their parts is ignored", "[sync][anonymize_option]") {
  const std::vector<ColumnRule> rules = parse_anonymize_option("  users . email : hash \t,\tt.c ");
  REQUIRE(rules.size() == 2);
  CHECK(rules[0].table == "users");
  CHECK(rules[0].column == "email");
  CHECK(rules[0].spec.strategy == "hash");
  CHECK(rules[1].table == "t");
  CHECK(rules[1].column == "c");
}

TEST_CASE("malformed items are refused, naming the item", "[sync][anonymize_option]") {
  struct Case {
    const char* text;
    const char* item;
    const char* message;
  };
  const Case cases[] = {
      {"", "", "no column given"},
      {"   ", "   ", "no column given"},
      {"email", "email", "'email' is not table.column or schema.table.column"},
      {"users.email,email:hash", "email:hash", "'email' is not table.column"},
      {"a.b.c.d", "a.b.c.d", "'a.b.c.d' is not table.column"},
      {"users.", "users.", "is not table.column"},
      {".email", ".email", "is not table.column"},
      {"public..email", "public..email", "is not table.column"},
      {"users.email:", "users.email:", "'users.email:' has no strategy after ':'"},
      {"users.email: ", "users.email:", "has no strategy after ':'"},
      {"users.email:mask", "users.email:mask", "names unknown strategy 'mask'"},
      {"users.email:hash:x", "users.email:hash:x", "names unknown strategy 'hash:x'"},
      {"users.email,,t.c", "", "empty item"},
      {"users.email,", "", "empty item"},
      {"\"Users\".email", "\"Users\".email", "has quotes"},
      {"users.email,users.email:hash", "users.email:hash", "users.email is listed twice"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    const Error e = error_parsing(c.text);
    CHECK(contains(e.what(), c.message));
    CHECK(e.details.value("item", std::string("?")) == c.item);
  }
}

TEST_CASE("the hints say how to write an item", "[sync][anonymize_option]") {
  CHECK(contains(error_parsing("a.b.c.d").hint, "profile"));
  CHECK(contains(error_parsing("t.c:mask").hint, "text_redact"));
  CHECK(contains(error_parsing("t.c:").hint, "leave out ':'"));
}
