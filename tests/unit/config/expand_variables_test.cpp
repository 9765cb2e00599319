// ${VAR} expansion: forms, defaults, escapes and the errors that name the variable and file.
#include "confiture/config/expand_variables.hpp"

#include <catch2/catch.hpp>

#include "confiture/report/codes.hpp"
#include "test_helpers.hpp"

using confiture::Error;
using confiture::SourceLocation;
using confiture::config::expand_variables;
using confiture::config::test::fake_env;

namespace {
const SourceLocation kWhere{"db/environments/local.yaml", 3, 15};
}

TEST_CASE("expand_variables replaces ${VAR}", "[config][expand]") {
  const auto env = fake_env({{"USER_NAME", "app"}, {"PASS", "s3cret"}});
  CHECK(expand_variables("postgresql://${USER_NAME}:${PASS}@h/db", env, kWhere) ==
        "postgresql://app:s3cret@h/db");
  CHECK(expand_variables("no variables", env, kWhere) == "no variables");
  CHECK(expand_variables("", env, kWhere).empty());
}

TEST_CASE("expand_variables uses the default when unset or empty", "[config][expand]") {
  const auto env = fake_env({{"EMPTY", ""}, {"SET", "x"}});
  CHECK(expand_variables("${MISSING:-5432}", env, kWhere) == "5432");
  CHECK(expand_variables("${EMPTY:-d}", env, kWhere) == "d");
  CHECK(expand_variables("${SET:-d}", env, kWhere) == "x");
  CHECK(expand_variables("${MISSING:-}", env, kWhere).empty());
  CHECK(expand_variables("${EMPTY}", env, kWhere).empty());
}

TEST_CASE("expand_variables leaves lone dollars and escapes $${", "[config][expand]") {
  const auto env = fake_env({{"A", "1"}});
  CHECK(expand_variables("pa$$word$A", env, kWhere) == "pa$$word$A");
  CHECK(expand_variables("$${A} is ${A}", env, kWhere) == "${A} is 1");
  CHECK(expand_variables("trailing $", env, kWhere) == "trailing $");
}

TEST_CASE("expand_variables does not expand the result again", "[config][expand]") {
  const auto env = fake_env({{"A", "${B}"}, {"B", "no"}});
  CHECK(expand_variables("${A}", env, kWhere) == "${B}");
}

TEST_CASE("unset variable without default names the variable, file and line", "[config][expand]") {
  try {
    expand_variables("postgresql://app:${DB_PASSWORD}@h/db", fake_env(), kWhere);
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.code == confiture::codes::kConfigUnsetVariable);
    CHECK(e.exit_class == confiture::ExitClass::kConfig);
    const std::string message = e.what();
    CHECK_THAT(message, Catch::Contains("DB_PASSWORD"));
    CHECK_THAT(message, Catch::Contains("db/environments/local.yaml:3"));
    REQUIRE(e.location);
    CHECK(e.location->line == 3);
    CHECK(e.details["variable"] == "DB_PASSWORD");
  }
}

TEST_CASE("malformed references are errors that do not echo the text", "[config][expand]") {
  for (const char* text : {"pa${ss", "${}", "${1X}", "${A B}", "${lower-case}"}) {
    try {
      expand_variables(text, fake_env(), kWhere);
      FAIL("expected an error for " << text);
    } catch (const Error& e) {
      CHECK(e.code == confiture::codes::kConfigInvalidValue);
      CHECK_THAT(std::string(e.what()), !Catch::Contains("ss"));
    }
  }
}
