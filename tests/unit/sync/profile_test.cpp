// Loading anonymisation profiles: both of the Python tool's formats, seeds and options, our own
// keys, and every refusal with the file, line and column it points at.
#include "confiture/sync/profile.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <stdexcept>
#include <string>

#include "confiture/report/codes.hpp"
#include "confiture/report/error.hpp"
#include "confiture/sync/anonymizer.hpp"
#include "temp_dir.hpp"

namespace fs = std::filesystem;
using confiture::Error;
using confiture::ExitClass;
using namespace confiture::sync;

namespace {

fs::path fixture(const std::string& name) {
  return fs::path(CONFITURE_SOURCE_DIR) / "tests/unit/sync/fixtures" / name;
}

// Writes `yaml` to a fresh profile.yaml; the directory lives as long as the returned object.
struct ProfileFile {
  explicit ProfileFile(const std::string& yaml) { std::ofstream(path, std::ios::binary) << yaml; }
  confiture::test::TempDir dir = confiture::test::make_temp_dir("confiture-profile-");
  fs::path path = dir.path() / "profile.yaml";
};

Profile load_text(const std::string& yaml) {
  ProfileFile file(yaml);
  return load_profile(file.path);
}

Error error_loading(const std::string& yaml) {
  ProfileFile file(yaml);
  try {
    load_profile(file.path);
  } catch (const Error& e) {
    CHECK(e.code == confiture::codes::kAnonBadProfile);
    CHECK(e.exit_class == ExitClass::kConfig);
    REQUIRE(e.location);
    CHECK(e.location->file == file.path.string());
    return e;
  }
  throw std::logic_error("expected a confiture::Error, nothing was thrown");
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

const ColumnRule& rule_for(const Profile& profile, const std::string& column) {
  for (const ColumnRule& rule : profile.rules) {
    if (rule.column == column) return rule;
  }
  throw std::logic_error("no rule for " + column);
}

}  // namespace

TEST_CASE("the simple format loads table rules in file order", "[sync][profile]") {
  const fs::path file = fixture("simple_anonymization.yaml");
  const Profile profile = load_profile(file);
  CHECK(profile.name == "simple_anonymization");
  CHECK(profile.file == file);
  CHECK(profile.key_env == "CONFITURE_ANON_KEY");
  CHECK_FALSE(profile.strict);
  CHECK(profile.incremental.empty());
  REQUIRE(profile.rules.size() == 4);

  const ColumnRule& email = profile.rules[0];
  CHECK(email.table == "users");
  CHECK(email.column == "email");
  CHECK(email.spec.strategy == "email");
  CHECK(email.spec.seed == "42");
  CHECK(email.spec.options.empty());
  CHECK(email.spec.key_env.empty());
  CHECK(email.origin == file.string() + ":4");

  CHECK(profile.rules[1].column == "phone");
  CHECK(profile.rules[1].spec.seed.empty());
  CHECK(profile.rules[2].table == "public.payments");
  CHECK(profile.rules[2].spec.strategy == "credit_card");

  const ColumnRule& note = profile.rules[3];
  CHECK(note.spec.strategy == "hash");
  CHECK(note.spec.seed == "tenant-a");
  CHECK(note.spec.options == std::map<std::string, std::string>{{"prefix", "n_"}});
}

TEST_CASE("both formats load to the same rules", "[sync][profile]") {
  const Profile simple = load_profile(fixture("simple_anonymization.yaml"));
  const Profile profile = load_profile(fixture("profile_rules.yaml"));
  CHECK(profile.name == "production");
  REQUIRE(simple.rules.size() == profile.rules.size());
  for (std::size_t i = 0; i < simple.rules.size(); ++i) {
    INFO("rule " << i);
    CHECK(simple.rules[i].table == profile.rules[i].table);
    CHECK(simple.rules[i].column == profile.rules[i].column);
    CHECK(simple.rules[i].spec.strategy == profile.rules[i].spec.strategy);
    CHECK(simple.rules[i].spec.options == profile.rules[i].spec.options);
    CHECK(simple.rules[i].spec.seed == profile.rules[i].spec.seed);
    CHECK(simple.rules[i].spec.key_env == profile.rules[i].spec.key_env);
  }
}

TEST_CASE("every key of the profile format is read", "[sync][profile]") {
  const fs::path file = fixture("profile_full.yaml");
  const Profile profile = load_profile(file);
  CHECK(profile.name == "staging-copy");
  CHECK(profile.strict);
  CHECK(profile.key_env == "MY_ANON_KEY");
  CHECK(profile.incremental == std::map<std::string, std::string>{{"users", "updated_at"},
                                                                  {"public.events", "changed_at"}});
  REQUIRE(profile.rules.size() == 3);

  SECTION("a strategy's type, config and seed_env_var reach the rule; rule options win") {
    const ColumnRule& email = rule_for(profile, "email");
    CHECK(email.spec.strategy == "email");
    CHECK(email.spec.key_env == "EMAIL_KEY");
    CHECK(email.spec.options ==
          std::map<std::string, std::string>{{"domain", "example.net"}, {"keep_domain", "no"}});
    CHECK(email.origin == file.string() + ":21");
  }
  SECTION("global_seed fills in the seed of rules that have none") {
    CHECK(rule_for(profile, "email").spec.seed == "12345");
  }
  SECTION("a rule's own seed wins over global_seed, int or string") {
    CHECK(rule_for(profile, "token").spec.seed == "99");
    CHECK(rule_for(profile, "born_on").spec.seed == "winter");
  }
  SECTION("a built-in strategy is accepted without a definition") {
    const ColumnRule& born = rule_for(profile, "born_on");
    CHECK(born.spec.strategy == "date_shift");
    CHECK(born.spec.key_env.empty());
    CHECK(born.spec.options == std::map<std::string, std::string>{{"days", "10"}});
  }
  SECTION("a definition's options are copied, not shared") {
    CHECK(rule_for(profile, "token").spec.options ==
          std::map<std::string, std::string>{{"length", "20"}});
  }
}

TEST_CASE("a name defined under strategies wins over the built-in of that name",
          "[sync][profile]") {
  const Profile profile = load_text(
      "name: p\n"
      "strategies:\n"
      "  email: {type: hash}\n"
      "tables:\n"
      "  users:\n"
      "    rules: [{column: email, strategy: email}]\n");
  REQUIRE(profile.rules.size() == 1);
  CHECK(profile.rules[0].spec.strategy == "hash");
}

TEST_CASE("profile defaults: file stem as name, empty tables and rules", "[sync][profile]") {
  const Profile profile = load_text(
      "version: '1.0'\n"
      "strict: false\n"
      "tables:\n"
      "  users:\n"
      "    rules: []\n"
      "  posts:\n"
      "    rules:\n");
  CHECK(profile.name == "profile");
  CHECK_FALSE(profile.strict);
  CHECK(profile.rules.empty());
}

TEST_CASE("the two shipped example files load, and every rule of them builds", "[sync][profile]") {
  const fs::path dir = fs::path(CONFITURE_SOURCE_DIR) / "db-examples/basic/db/sync";
  const Profile simple = load_profile(dir / "anonymization.yaml");
  const Profile profile = load_profile(dir / "profile.yaml");
  CHECK(simple.rules.size() == 4);
  CHECK(profile.rules.size() == 6);
  CHECK(profile.strict);
  CHECK(profile.key_env == "BASIC_ANON_KEY");
  CHECK(rule_for(profile, "email").spec.key_env == "BASIC_EMAIL_KEY");

  // The columns of db-examples/basic/db/schema, as the catalog describes them.
  const auto column = [](const ColumnRule& rule) {
    ColumnInfo info;
    info.table = rule.table;
    info.column = rule.column;
    info.type = info.base_type = "text";
    info.not_null = true;
    if (rule.column == "email") info.type = "email_address";
    if (rule.column == "created_at") {
      info.type = info.base_type = "timestamp with time zone";
      info.type_category = 'D';
    }
    return info;
  };
  const AnonKey key("example key");
  for (const Profile* loaded : {&simple, &profile}) {
    for (const ColumnRule& rule : loaded->rules) {
      INFO(rule.origin);
      CHECK(make_anonymizer(rule.spec, column(rule), &key) != nullptr);
    }
  }
}

TEST_CASE("an unreadable profile is ANON_1403 naming the file", "[sync][profile]") {
  const auto dir = confiture::test::make_temp_dir("confiture-profile-");
  for (const fs::path& path : {dir.path() / "missing.yaml", dir.path()}) {
    INFO(path);
    try {
      load_profile(path);
      FAIL("expected an error");
    } catch (const Error& e) {
      CHECK(e.code == confiture::codes::kAnonBadProfile);
      CHECK(e.exit_class == ExitClass::kConfig);
      REQUIRE(e.location);
      CHECK(e.location->file == path.string());
      CHECK(e.location->line == 0);
      CHECK(contains(e.what(), path.string()));
    }
  }
}

TEST_CASE("a YAML syntax error names the line and column", "[sync][profile]") {
  const Error e = error_loading("users:\n  - column: email\n    strategy: [email\n");
  CHECK(e.location->line == 4);
  CHECK(contains(e.what(), "invalid YAML"));
  CHECK(contains(e.what(), "profile.yaml:4:"));
}

TEST_CASE("wrong shapes name the key and the line", "[sync][profile]") {
  struct Case {
    const char* yaml;
    int line;
    const char* message;
  };
  const Case cases[] = {
      {"", 0, "the file is empty"},
      {"- users\n", 1, "must be a mapping"},
      {"users:\n  column: email\n", 2, "table 'users' must be a list of rules"},
      {"users:\n  - column: email\n", 2, "users[0] has no `strategy:`"},
      {"users:\n  - strategy: email\n", 2, "users[0] has no `column:`"},
      {"users:\n  - email\n", 2, "users[0] must be a mapping"},
      {"users:\n  - {column: [a, b], strategy: email}\n", 2, "users[0].column must be"},
      {"users:\n  - {column: email, strategy: email, seed: {a: 1}}\n", 2, "users[0].seed must be"},
      {"users:\n  - {column: email, strategy: email, options: [a]}\n", 2,
       "users[0].options must be a mapping"},
      {"users:\n  - {column: email, strategy: email, options: {a: [1]}}\n", 2,
       "users[0].options.a must be a single value"},
      {"users:\n  - {column: email, strategy: email, stratgy: hash}\n", 2,
       "unknown key 'stratgy' in users[0]"},
      {"name: p\ntables:\n  users:\n    rules: {column: email}\n", 4,
       "tables.users.rules must be a list of rules"},
      {"name: p\ntables:\n  users:\n    - {column: email, strategy: email}\n", 4,
       "tables.users must be a mapping"},
      {"name: p\ntables:\n  users:\n    rule: []\n", 4, "unknown key 'rule' in tables.users"},
      {"name: p\ntables:\n  users: {}\n", 3, "tables.users has no `rules:`"},
      {"name: p\ntables: [users]\n", 2, "tables must be a mapping"},
      {"name: p\nstrategies:\n  m: {config: {}}\ntables: {}\n", 3, "strategies.m has no `type:`"},
      {"name: p\nstrategies:\n  m: {type: email, seed: 1}\ntables: {}\n", 3,
       "unknown key 'seed' in strategies.m"},
      {"name: p\nstrict: maybe\ntables: {}\n", 2, "strict must be true or false"},
      {"name: p\nkey_env: 'MY KEY'\ntables: {}\n", 2, "key_env must name an environment variable"},
      {"name: p\nincremental: [users]\ntables: {}\n", 2, "incremental must be a mapping"},
      {"name: p\n", 1, "the profile has no `tables:`"},
      // Empty values are pointed at by their key (yaml-cpp marks them at the next token).
      {"users:\nposts: []\n", 1, "table 'users' must be a list of rules"},
      {"name: p\nstrict:\ntables: {}\n", 2, "strict must be true or false"},
      {"name: p\ntables:\n  users:\n    rules:\n      - column:\n        strategy: hash\n", 5,
       "tables.users.rules[0].column must be a non-empty value"},
  };
  for (const Case& c : cases) {
    INFO(c.yaml);
    const Error e = error_loading(c.yaml);
    CHECK(contains(e.what(), c.message));
    CHECK(e.location->line == c.line);
  }
}

TEST_CASE("an unknown top-level key of a profile is refused, never ignored", "[sync][profile]") {
  const Error e = error_loading(
      "name: p\n"
      "tables: {}\n"
      "global_sed: 5\n");
  CHECK(contains(e.what(), "profile.yaml:3:1: unknown key 'global_sed'"));
  CHECK(contains(e.hint, "global_seed"));
}

TEST_CASE("a table written beside profile keys is refused", "[sync][profile]") {
  const Error e = error_loading(
      "name: p\n"
      "tables: {}\n"
      "users:\n"
      "  - {column: email, strategy: email}\n");
  CHECK(contains(e.what(), "unknown key 'users'"));
  CHECK(contains(e.hint, "tables:"));
  CHECK(e.location->line == 3);
}

TEST_CASE("a rule naming an undefined strategy is refused", "[sync][profile]") {
  SECTION("profile format: the hint lists the defined and the built-in strategies") {
    const Error e = error_loading(
        "name: p\n"
        "strategies:\n"
        "  email_mask: {type: email}\n"
        "tables:\n"
        "  users:\n"
        "    rules:\n"
        "      - column: email\n"
        "        strategy: email_msk\n");
    CHECK(contains(e.what(), "profile.yaml:8:19:"));
    CHECK(contains(e.what(), "'email_msk'"));
    CHECK(contains(e.hint, "email_mask"));
    CHECK(contains(e.hint, "hash"));
  }
  SECTION("simple format") {
    const Error e = error_loading("users:\n  - {column: email, strategy: mask}\n");
    CHECK(contains(e.what(), "users[0].strategy names strategy 'mask'"));
    CHECK(e.location->line == 2);
  }
  SECTION("a definition whose type is no strategy") {
    const Error e = error_loading(
        "name: p\n"
        "strategies:\n"
        "  m:\n"
        "    type: fpe\n"
        "tables: {}\n");
    CHECK(contains(e.what(), "strategies.m.type names unknown strategy 'fpe'"));
    CHECK(e.location->line == 4);
    CHECK(e.location->column == 11);
  }
}

TEST_CASE("the same table.column twice is refused, naming both lines", "[sync][profile]") {
  SECTION("within a table") {
    const Error e = error_loading(
        "users:\n"
        "  - {column: email, strategy: email}\n"
        "  - {column: phone, strategy: phone}\n"
        "  - {column: email, strategy: hash}\n");
    CHECK(contains(e.what(), "users.email has a rule already (line 2)"));
    CHECK(e.location->line == 4);
  }
  SECTION("a table key repeated") {
    const Error e = error_loading(
        "name: p\n"
        "tables:\n"
        "  users:\n"
        "    rules: [{column: email, strategy: email}]\n"
        "  users:\n"
        "    rules: [{column: phone, strategy: phone}]\n");
    CHECK(contains(e.what(), "key 'tables.users' is repeated (first at line 3)"));
    CHECK(e.location->line == 5);
  }
}

TEST_CASE("seeds and option values keep their text", "[sync][profile]") {
  const Profile profile = load_text(
      "name: p\n"
      "global_seed: '007'\n"
      "tables:\n"
      "  t:\n"
      "    rules:\n"
      "      - {column: a, strategy: hash, options: {length: 40, prefix: 'h_'}}\n"
      "      - {column: b, strategy: hash, seed: ~}\n"
      "      - {column: c, strategy: hash, seed: -3}\n");
  REQUIRE(profile.rules.size() == 3);
  CHECK(profile.rules[0].spec.seed == "007");
  CHECK(profile.rules[0].spec.options ==
        std::map<std::string, std::string>{{"length", "40"}, {"prefix", "h_"}});
  CHECK(profile.rules[1].spec.seed == "007");
  CHECK(profile.rules[2].spec.seed == "-3");
}

TEST_CASE("M8: profile table keys are SQL names, one that is not is refused at its line",
          "[sync][profile]") {
  const Profile simple =
      load_text("'public.\"a\"\"b; drop table x\"':\n  - {column: c, strategy: redact}\n");
  REQUIRE(simple.rules.size() == 1);
  CHECK(simple.rules[0].table == "public.\"a\"\"b; drop table x\"");
  const Profile full = load_text(
      "tables:\n  '\"My Schema\".Users':\n    rules:\n      - {column: c, strategy: redact}\n");
  REQUIRE(full.rules.size() == 1);
  CHECK(full.rules[0].table == "\"My Schema\".Users");

  for (const char* yaml : {"'a\"b; drop table x':\n  - {column: c, strategy: redact}\n",
                           "tables:\n  'public.\"unclosed':\n    rules: []\n",
                           "'a.b.c':\n  - {column: c, strategy: redact}\n"}) {
    INFO(yaml);
    const Error e = error_loading(yaml);
    CHECK(contains(e.what(), "is not a table name"));
  }
}

TEST_CASE(
    "sync_profile_merge_keys_load: a `<<` merge key in a profile is applied, as in an "
    "environment file",
    "[sync][profile]") {
  const Profile profile = load_text(
      "name: p\n"
      "strategies:\n"
      "  base: &base {type: hash, config: {length: 24}}\n"
      "  short_hash:\n"
      "    <<: *base\n"
      "    config: {length: 40}\n"
      "tables:\n"
      "  users:\n"
      "    rules: [{column: email, strategy: short_hash}]\n");
  REQUIRE(profile.rules.size() == 1);
  CHECK(profile.rules[0].spec.strategy == "hash");
  CHECK(profile.rules[0].spec.options.at("length") == "40");  // written keys win over merged ones
}
