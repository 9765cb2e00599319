// make_anonymizer's refusals (ANON_1400, ANON_1401) and the strategy registry.
#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "confiture/report/codes.hpp"
#include "confiture/report/error.hpp"
#include "confiture/sync/anonymizer.hpp"

using confiture::Error;
using confiture::ExitClass;
using namespace confiture::sync;

namespace {

const AnonKey kKey("registry-test-secret");

ColumnInfo column(std::string type, char category, std::string base_type = {}) {
  return {"public.users", "contact", type, category, base_type.empty() ? type : base_type, -1,
          false};
}

ColumnInfo text_column() { return column("text", 'S'); }

// The Error thrown by make_anonymizer, or a failed test when nothing is thrown.
Error refusal(const StrategySpec& spec, const ColumnInfo& column, const AnonKey* key = &kKey) {
  try {
    make_anonymizer(spec, column, key);
  } catch (const Error& error) {
    return error;
  }
  FAIL("make_anonymizer accepted " << spec.strategy << " on " << column.type);
  throw;
}

StrategySpec spec(std::string strategy, std::map<std::string, std::string> options = {}) {
  return {std::move(strategy), std::move(options), "", ""};
}

}  // namespace

TEST_CASE("the registry lists every strategy once, keyed ones marked") {
  std::set<std::string_view> names;
  for (const StrategyInfo& info : strategies()) {
    CHECK(names.insert(info.name).second);
    CHECK_FALSE(info.summary.empty());
    CHECK(find_strategy(info.name) == &info);
  }
  for (std::string_view expected :
       {"email", "phone", "name", "first_name", "last_name", "address", "hash", "redact", "null",
        "fixed", "date_shift", "credit_card", "ip", "text_redact", "preserve"}) {
    CHECK(names.count(expected) == 1);
  }
  CHECK(find_strategy("email")->keyed);
  CHECK(find_strategy("hash")->keyed);
  CHECK(find_strategy("ip")->keyed);
  CHECK(find_strategy("date_shift")->keyed);
  CHECK_FALSE(find_strategy("redact")->keyed);
  CHECK_FALSE(find_strategy("text_redact")->keyed);
  CHECK_FALSE(find_strategy("preserve")->keyed);
  CHECK(find_strategy("Email") == nullptr);
  CHECK(find_strategy("") == nullptr);
}

TEST_CASE("every strategy builds on a column it fits") {
  for (const StrategyInfo& info : strategies()) {
    StrategySpec s = spec(std::string(info.name));
    if (info.name == "fixed") s.options["value"] = "x";
    ColumnInfo c = info.name == "date_shift" ? column("date", 'D') : text_column();
    INFO(info.name);
    CHECK(make_anonymizer(s, c, &kKey) != nullptr);
  }
}

TEST_CASE("an unknown strategy is ANON_1400 naming table.column, hinting the known ones") {
  Error error = refusal(spec("scramble"), text_column());
  CHECK(error.code == confiture::codes::kAnonBadRule);
  CHECK(error.exit_class == ExitClass::kConfig);
  CHECK_THAT(error.what(),
             Catch::Contains("'scramble'") && Catch::Contains("public.users.contact"));
  CHECK_THAT(error.hint, Catch::Contains("email") && Catch::Contains("text_redact"));
  CHECK(error.details["table"] == "public.users");
  CHECK(error.details["column"] == "contact");
}

TEST_CASE("an unknown option is ANON_1400 naming it and listing the valid ones") {
  Error error = refusal(spec("email", {{"domian", "example.org"}}), text_column());
  CHECK(error.code == confiture::codes::kAnonBadRule);
  CHECK_THAT(error.what(), Catch::Contains("'domian'") && Catch::Contains("public.users.contact"));
  CHECK_THAT(error.hint, Catch::Contains("domain") && Catch::Contains("keep_domain"));

  Error none = refusal(spec("redact", {{"value", "x"}}), text_column());
  CHECK(none.code == confiture::codes::kAnonBadRule);
  CHECK_THAT(none.hint, Catch::Contains("takes no options"));
}

TEST_CASE("text strategies refuse a column that is not a string") {
  for (const char* strategy : {"email", "phone", "name", "first_name", "last_name", "address",
                               "hash", "redact", "credit_card", "text_redact"}) {
    INFO(strategy);
    Error error = refusal(spec(strategy), column("integer", 'N'));
    CHECK(error.code == confiture::codes::kAnonBadRule);
    CHECK_THAT(error.what(), Catch::Contains("integer") && Catch::Contains("public.users.contact"));
  }
  CHECK(make_anonymizer(spec("email"), column("character varying(80)", 'S', "character varying"),
                        &kKey) != nullptr);
  CHECK(make_anonymizer(spec("hash"), column("citext", 'S'), &kKey) != nullptr);
}

TEST_CASE("date_shift needs a date, timestamp or timestamptz column") {
  for (const char* type : {"date", "timestamp without time zone", "timestamp with time zone",
                           "timestamp(3) without time zone"}) {
    INFO(type);
    CHECK(make_anonymizer(spec("date_shift"), column(type, 'D'), &kKey) != nullptr);
  }
  CHECK(make_anonymizer(spec("date_shift"), column("birthday", 'D', "date"), &kKey) != nullptr);
  for (auto [type, category] : {std::pair{"time without time zone", 'D'},
                                {"interval", 'T'},
                                {"text", 'S'},
                                {"integer", 'N'}}) {
    INFO(type);
    CHECK(refusal(spec("date_shift"), column(type, category)).code ==
          confiture::codes::kAnonBadRule);
  }
}

TEST_CASE("ip needs an inet, cidr or string column") {
  CHECK(make_anonymizer(spec("ip"), column("inet", 'I'), &kKey) != nullptr);
  CHECK(make_anonymizer(spec("ip"), column("cidr", 'I'), &kKey) != nullptr);
  CHECK(make_anonymizer(spec("ip"), column("character varying(45)", 'S'), &kKey) != nullptr);
  CHECK(refusal(spec("ip"), column("macaddr", 'U')).code == confiture::codes::kAnonBadRule);
  CHECK(refusal(spec("ip"), column("bigint", 'N')).code == confiture::codes::kAnonBadRule);
}

TEST_CASE("fixed, null and preserve fit any column type") {
  for (auto [type, category] : {std::pair{"integer", 'N'},
                                {"jsonb", 'U'},
                                {"date", 'D'},
                                {"boolean", 'B'},
                                {"inet", 'I'}}) {
    INFO(type);
    CHECK(make_anonymizer(spec("fixed", {{"value", "0"}}), column(type, category), &kKey));
    CHECK(make_anonymizer(spec("null"), column(type, category), &kKey));
    CHECK(make_anonymizer(spec("preserve"), column(type, category), &kKey));
  }
}

TEST_CASE("null on a NOT NULL column is ANON_1400") {
  ColumnInfo c = text_column();
  c.not_null = true;
  Error error = refusal(spec("null"), c);
  CHECK(error.code == confiture::codes::kAnonBadRule);
  CHECK_THAT(error.what(), Catch::Contains("NOT NULL") && Catch::Contains("public.users.contact"));
}

TEST_CASE("fixed without a value is ANON_1400") {
  Error error = refusal(spec("fixed"), text_column());
  CHECK(error.code == confiture::codes::kAnonBadRule);
  CHECK_THAT(error.what(), Catch::Contains("'value'"));
}

TEST_CASE("invalid option values are ANON_1400") {
  for (const char* length : {"19", "65", "abc", "32x", ""}) {
    INFO(length);
    CHECK(refusal(spec("hash", {{"length", length}}), text_column()).code ==
          confiture::codes::kAnonBadRule);
  }
  for (const char* days : {"0", "-3", "36501", "ten"}) {
    INFO(days);
    CHECK(refusal(spec("date_shift", {{"days", days}}), column("date", 'D')).code ==
          confiture::codes::kAnonBadRule);
  }
  CHECK(refusal(spec("email", {{"domain", "bad domain"}}), text_column()).code ==
        confiture::codes::kAnonBadRule);
  CHECK(refusal(spec("email", {{"domain", ""}}), text_column()).code ==
        confiture::codes::kAnonBadRule);
  CHECK(refusal(spec("email", {{"keep_domain", "maybe"}}), text_column()).code ==
        confiture::codes::kAnonBadRule);
  CHECK(refusal(spec("email", {{"keep_domain", "true"}, {"domain", "example.org"}}), text_column())
            .code == confiture::codes::kAnonBadRule);
}

TEST_CASE("a keyed strategy without a key is ANON_1401, exit 5, and never shows the key") {
  for (const StrategyInfo& info : strategies()) {
    if (!info.keyed) continue;
    INFO(info.name);
    ColumnInfo c = info.name == "date_shift" ? column("date", 'D') : text_column();
    Error missing = refusal(spec(std::string(info.name)), c, nullptr);
    CHECK(missing.code == confiture::codes::kAnonNoKey);
    CHECK(missing.exit_class == ExitClass::kConfig);
    CHECK_THAT(missing.hint, Catch::Contains("CONFITURE_ANON_KEY"));
    AnonKey empty("");
    CHECK(refusal(spec(std::string(info.name)), c, &empty).code == confiture::codes::kAnonNoKey);
  }
  StrategySpec custom = spec("email");
  custom.key_env = "SHOP_ANON_KEY";
  CHECK_THAT(refusal(custom, text_column(), nullptr).hint, Catch::Contains("SHOP_ANON_KEY"));
}

TEST_CASE("strategies without a key need none") {
  for (const char* strategy : {"redact", "text_redact", "preserve", "null"}) {
    INFO(strategy);
    CHECK(make_anonymizer(spec(strategy), text_column(), nullptr) != nullptr);
  }
  CHECK(make_anonymizer(spec("fixed", {{"value", "x"}}), text_column(), nullptr) != nullptr);
}

TEST_CASE("error messages never carry the key") {
  AnonKey key("do-not-print-this-secret");
  for (const StrategyInfo& info : strategies()) {
    try {
      make_anonymizer(spec(std::string(info.name), {{"bogus", "1"}}), column("integer", 'N'), &key);
    } catch (const Error& error) {
      CHECK_THAT(error.what(), !Catch::Contains("do-not-print"));
      CHECK_THAT(error.hint, !Catch::Contains("do-not-print"));
      CHECK_THAT(error.details.dump(), !Catch::Contains("do-not-print"));
    }
  }
}
