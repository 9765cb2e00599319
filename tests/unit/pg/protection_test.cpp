// The one rule of destructive commands (D3, B7): which combinations run, ask, or are refused.
#include "confiture/pg/protection.hpp"

#include <catch2/catch.hpp>

#include "confiture/report/codes.hpp"
#include "confiture/report/error.hpp"

using namespace confiture;

namespace {

pg::DestructiveStep step() {
  pg::DestructiveStep s;
  s.action = "roll back 1 migration(s)";
  s.database = "app";
  s.environment = "prod";
  s.named_explicitly = true;
  s.hazards = {"db/migrations/002_x.down.sql:1: DROP TABLE t"};
  return s;
}

std::string code_of(const pg::DestructiveStep& s, const std::optional<pg::ProtectionMark>& mark) {
  try {
    pg::require_consent(s, mark);
  } catch (const Error& e) {
    CHECK(e.exit_class == ExitClass::kSafety);
    return e.code;
  }
  return "ran";
}

}  // namespace

TEST_CASE("D3: one consent rule for every destructive command", "[pg][protection]") {
  auto s = step();
  CHECK(code_of(s, std::nullopt) == codes::kSafetyNeedsYes);  // no terminal, no --yes
  std::string asked;
  s.confirm = [&](const std::string& q) {
    asked = q;
    return true;
  };
  CHECK(code_of(s, std::nullopt) == "ran");
  CHECK(asked.find("002_x.down.sql:1: DROP TABLE t") != std::string::npos);
  s.confirm = nullptr;
  s.yes = true;
  CHECK(code_of(s, std::nullopt) == "ran");

  s.is_protected = true;
  CHECK(code_of(s, std::nullopt) == "ran");  // named, --yes
  s.yes = false;
  s.confirm = [](const std::string&) { return true; };
  CHECK(code_of(s, std::nullopt) == codes::kSafetyProtected);  // a terminal answer is not enough
  s.yes = true;
  s.named_explicitly = false;
  CHECK(code_of(s, std::nullopt) == codes::kSafetyProtected);
  s.named_explicitly = true;
  s.target_from_environment = false;  // --database-url with --env prod
  CHECK(code_of(s, std::nullopt) == codes::kSafetyProtected);
  s.target_from_environment = true;
  s.never_when_protected = true;  // sync
  CHECK(code_of(s, std::nullopt) == codes::kSafetyProtected);
}

TEST_CASE("D3: a database with the protection mark is refused unless reached as protected",
          "[pg][protection]") {
  const pg::ProtectionMark mark{"prod"};
  auto s = step();
  s.yes = true;
  CHECK(code_of(s, mark) == codes::kSafetyMarkedDatabase);  // an unprotected environment
  s.named_explicitly = false;
  s.target_from_environment = false;  // a DSN
  CHECK(code_of(s, mark) == codes::kSafetyMarkedDatabase);
  s.is_protected = true;
  s.named_explicitly = true;
  s.target_from_environment = true;
  CHECK(code_of(s, mark) == "ran");
  s.is_protected = false;
  s.never_when_protected = true;
  CHECK(code_of(s, mark) == codes::kSafetyMarkedDatabase);
}
