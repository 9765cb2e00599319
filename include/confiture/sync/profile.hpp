// Anonymisation profiles: which column gets which strategy. Two YAML formats load (the Python
// tool's): the simple db/sync/anonymization.yaml ({table: [{column, strategy, seed}]}) and the
// profile format (name, global_seed, strategies:, tables:). Plus `--anonymize` on the command
// line. Rules name tables as written; src/sync/ resolves them against the catalog.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "confiture/sync/anonymizer.hpp"

namespace confiture::sync {

struct ColumnRule {
  std::string table;   // as written: "users", "public.users", public."a""b" (read by
                       // catalog::parse_qualified_name: bare parts keep their case)
  std::string column;  // as written
  StrategySpec spec;   // spec.strategy empty: pick from the column (--anonymize t.c without :s)
  std::string origin;  // where the rule was written, for messages: "profile.yaml:12" (the path as
                       // given to load_profile), "--anonymize"
};

struct Profile {
  std::string name;            // `name:`, or the file stem (`version:` is read but not kept)
  std::filesystem::path file;  // empty when no file was loaded
  std::string key_env = "CONFITURE_ANON_KEY";  // `key_env:`: the variable holding the key
  bool strict = false;                         // `strict: true`
  std::vector<ColumnRule> rules;               // in file order
  // `incremental: {table: column}`: the updated_at-style column of a table for --incremental.
  std::map<std::string, std::string> incremental;
};

// Loads either format: the profile format when a profile key (name, version, global_seed,
// strategies, tables, strict, key_env, incremental) holds something other than a list, else the
// simple format. Errors are ANON_1403 (exit 5) with Error::location set (line 0 when unknown):
// unreadable file, YAML syntax (file:line:col), wrong shape (names the key path and line), an
// unknown key anywhere (fail closed: a typo must not drop a rule), a repeated mapping key, a rule
// naming a strategy neither defined under `strategies:` nor built in, a strategy `type` that is
// not built in, the same table.column twice (as written: `users` and `public.users` differ here).
// Option values are checked later by make_anonymizer.
Profile load_profile(const std::filesystem::path& file);

// Parses `--anonymize schema.table.column[:strategy],table.column[:strategy],...`. Whitespace
// around items and parts is ignored; names cannot contain dots or quotes (those go in a profile).
// Errors (exit 5): ANON_1403 naming the bad item in details["item"]: not two or three non-empty
// dot-separated parts, ':' with no strategy, an unknown strategy, an empty item, a quoted name,
// the same table.column twice.
std::vector<ColumnRule> parse_anonymize_option(std::string_view text);

}  // namespace confiture::sync
