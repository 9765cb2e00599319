// Loads anonymisation profiles in both of the Python tool's formats into column rules. A profile
// guards personal data, so anything unexpected in it is an error, never skipped.
#include "confiture/sync/profile.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <fstream>
#include <optional>
#include <sstream>
#include <utility>

#include "confiture/catalog/qualified_name.hpp"
#include "confiture/config/yaml_reader.hpp"
#include "confiture/report/codes.hpp"
#include "confiture/report/error.hpp"
#include "confiture/report/located_error.hpp"

namespace confiture::sync {
namespace fs = std::filesystem;
namespace {

// Top-level keys of the profile format; the simple format has table names there instead.
constexpr std::array<std::string_view, 8> kProfileKeys = {
    "name", "version", "global_seed", "strategies", "tables", "strict", "key_env", "incremental"};

Error profile_error(const SourceLocation& where, const std::string& message, std::string hint) {
  return report::located_error(codes::kAnonBadProfile, where, message, std::move(hint));
}

std::string read_text(const fs::path& file, const std::string& shown) {
  const SourceLocation where{shown, 0, 0};
  std::error_code ec;
  if (!fs::exists(file, ec)) {
    throw profile_error(where, "anonymisation profile not found",
                        "check the path (a relative path starts from the current directory)");
  }
  if (!fs::is_regular_file(file, ec)) {
    throw profile_error(where, "anonymisation profile is not a file",
                        "give the path of a .yaml file");
  }
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in || in.bad()) {
    throw profile_error(where, "cannot read the anonymisation profile", "check its permissions");
  }
  return text.str();
}

using Entry = config::YamlEntry;

// A profile is read as written: no ${VAR} expansion, and every error is ANON_1403. A repeated key
// is an error: PyYAML keeps the last one, which would silently drop the rules of the first.
constexpr config::YamlRules kProfileYaml{.syntax_code = codes::kAnonBadProfile,
                                         .shape_code = codes::kAnonBadProfile,
                                         .duplicates = config::DuplicateKeys::kError};

std::optional<std::string> no_variables(const std::string&) { return std::nullopt; }

class ProfileParser {
 public:
  ProfileParser(Profile& profile, std::string shown)
      : profile_(profile),
        shown_(std::move(shown)),
        reader_(shown_, lookup_, unused_warnings_, kProfileYaml) {}

  void parse(const std::string& text) {
    const YAML::Node root = reader_.parse(text);
    if (root.IsNull()) fail(root, "the file is empty", "write table rules or a profile");
    if (!root.IsMap()) {
      fail(root, "an anonymisation profile must be a mapping",
           "write `table: [{column: c, strategy: s}]` entries, or a profile with `tables:`");
    }
    const std::vector<Entry> top = entries(root, "");
    const bool profile_format = std::any_of(top.begin(), top.end(), [](const Entry& e) {
      return std::find(kProfileKeys.begin(), kProfileKeys.end(), e.key) != kProfileKeys.end() &&
             !e.value.IsSequence();
    });
    if (profile_format) {
      parse_profile(root, top);
    } else {
      parse_simple(top);
    }
  }

 private:
  SourceLocation at(const YAML::Node& node) const { return reader_.at(node); }

  [[noreturn]] void fail(const YAML::Node& node, const std::string& message,
                         std::string hint = {}) const {
    reader_.fail(codes::kAnonBadProfile, node, message, std::move(hint));
  }

  static std::string child(std::string_view path, std::string_view key) {
    return path.empty() ? std::string(key) : fmt::format("{}.{}", path, key);
  }

  std::vector<Entry> entries(const YAML::Node& map, std::string_view path) const {
    return reader_.entries(map, path);
  }

  void require_map(const YAML::Node& node, const YAML::Node& place, std::string_view path,
                   std::string_view what) const {
    if (!node.IsMap()) fail(place, fmt::format("{} must be {}", path, what));
  }

  std::string text(const Entry& entry, std::string_view path) const {
    if (!entry.value.IsScalar() || entry.value.Scalar().empty()) {
      fail(entry.place(), fmt::format("{} must be a non-empty value", path));
    }
    return entry.value.Scalar();
  }

  // Seeds are ints in the Python tool; any scalar is kept as written. Null means "no seed".
  std::optional<std::string> seed(const Entry& entry, std::string_view path) const {
    if (entry.value.IsNull()) return std::nullopt;
    if (!entry.value.IsScalar()) {
      fail(entry.value, fmt::format("{} must be a number or a text", path));
    }
    return entry.value.Scalar();
  }

  bool boolean(const Entry& entry, std::string_view path) const {
    std::string value = entry.value.IsScalar() ? entry.value.Scalar() : std::string();
    std::transform(value.begin(), value.end(), value.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    // YAML 1.1 booleans, as PyYAML reads them.
    if (value == "true" || value == "yes" || value == "on") return true;
    if (value == "false" || value == "no" || value == "off") return false;
    fail(entry.place(), fmt::format("{} must be true or false", path));
  }

  std::string env_name(const Entry& entry, std::string_view path) const {
    const std::string name = text(entry, path);
    const bool valid = !std::isdigit(static_cast<unsigned char>(name[0])) &&
                       std::all_of(name.begin(), name.end(), [](unsigned char c) {
                         return std::isalnum(c) != 0 || c == '_';
                       });
    if (!valid) {
      fail(entry.value, fmt::format("{} must name an environment variable, got '{}'", path, name),
           "use letters, digits and underscores, e.g. CONFITURE_ANON_KEY");
    }
    return name;
  }

  std::map<std::string, std::string> options(const Entry& written, std::string_view path) const {
    std::map<std::string, std::string> result;
    if (written.value.IsNull()) return result;
    require_map(written.value, written.value, path, "a mapping of option: value");
    for (const Entry& entry : entries(written.value, path)) {
      if (!entry.value.IsScalar()) {
        fail(entry.place(), fmt::format("{} must be a single value", child(path, entry.key)));
      }
      result[entry.key] = entry.value.Scalar();
    }
    return result;
  }

  static std::string built_in_names() {
    std::vector<std::string_view> names;
    for (const StrategyInfo& info : strategies()) names.push_back(info.name);
    return fmt::format("{}", fmt::join(names, ", "));
  }

  void parse_simple(const std::vector<Entry>& tables) {
    for (const Entry& table : tables) {
      if (!table.value.IsSequence()) {
        const bool profile_key =
            std::find(kProfileKeys.begin(), kProfileKeys.end(), table.key) != kProfileKeys.end();
        fail(table.place(),
             fmt::format("table '{}' must be a list of rules ({{column: c, strategy: s}})",
                         table.key),
             profile_key ? "this file has no profile keys, so it reads as table: [rules]; a "
                           "profile format file needs a `tables:` mapping"
                         : "");
      }
      check_table_key(table);
      parse_rules(table.value, table.key, table.key);
    }
  }

  void parse_profile(const YAML::Node& root, const std::vector<Entry>& top) {
    std::optional<Entry> tables;
    std::optional<Entry> strategies_entry;
    for (const Entry& entry : top) {
      const std::string& key = entry.key;
      if (key == "name") {
        profile_.name = text(entry, key);
      } else if (key == "version") {
        // Only documents the file; no behaviour depends on it.
        if (!entry.value.IsScalar()) fail(entry.place(), "version must be a single value");
      } else if (key == "global_seed") {
        global_seed_ = seed(entry, key);
      } else if (key == "strategies") {
        strategies_entry = entry;
      } else if (key == "tables") {
        tables = entry;
      } else if (key == "strict") {
        profile_.strict = boolean(entry, key);
      } else if (key == "key_env") {
        profile_.key_env = env_name(entry, key);
      } else if (key == "incremental") {
        parse_incremental(entry);
      } else {
        fail(entry.key_node, fmt::format("unknown key '{}' in an anonymisation profile", key),
             fmt::format("the profile keys are {}; table rules go under `tables:`",
                         fmt::join(kProfileKeys, ", ")));
      }
    }
    // Definitions first: rules may come before `strategies:` in the file.
    if (strategies_entry) parse_definitions(*strategies_entry);
    if (!tables) {
      fail(root, "the profile has no `tables:`",
           "add `tables: {table: {rules: [{column: c, strategy: s}]}}`");
    }
    if (tables->value.IsNull()) return;
    require_map(tables->value, tables->value, "tables", "a mapping of table: {rules: [...]}");
    for (const Entry& table : entries(tables->value, "tables")) {
      const std::string path = child("tables", table.key);
      check_table_key(table);
      require_map(table.value, table.place(), path, "a mapping with `rules:`");
      bool has_rules = false;
      for (const Entry& entry : entries(table.value, path)) {
        if (entry.key != "rules") {
          fail(entry.key_node, fmt::format("unknown key '{}' in {}", entry.key, path),
               "a table has only `rules:`");
        }
        has_rules = true;
        if (entry.value.IsNull()) continue;
        parse_rules(entry.value, table.key, child(path, "rules"));
      }
      if (!has_rules) fail(table.value, fmt::format("{} has no `rules:`", path));
    }
  }

  void parse_definitions(const Entry& strategies_entry) {
    const YAML::Node& node = strategies_entry.value;
    if (node.IsNull()) return;
    require_map(node, node, "strategies", "a mapping of name: {type: strategy}");
    for (const Entry& entry : entries(node, "strategies")) {
      const std::string path = child("strategies", entry.key);
      require_map(entry.value, entry.place(), path, "a mapping with `type:`");
      StrategySpec definition;
      bool has_type = false;
      for (const Entry& field : entries(entry.value, path)) {
        const std::string field_path = child(path, field.key);
        if (field.key == "type") {
          definition.strategy = text(field, field_path);
          if (find_strategy(definition.strategy) == nullptr) {
            fail(field.value,
                 fmt::format("{} names unknown strategy '{}'", field_path, definition.strategy),
                 fmt::format("the strategies are {}", built_in_names()));
          }
          has_type = true;
        } else if (field.key == "config") {
          definition.options = options(field, field_path);
        } else if (field.key == "seed_env_var") {
          definition.key_env = env_name(field, field_path);
        } else {
          fail(field.key_node, fmt::format("unknown key '{}' in {}", field.key, path),
               "a strategy has `type:`, `config:` and `seed_env_var:`");
        }
      }
      if (!has_type) fail(entry.value, fmt::format("{} has no `type:`", path));
      definitions_.emplace(entry.key, std::move(definition));
    }
  }

  void parse_incremental(const Entry& incremental) {
    if (incremental.value.IsNull()) return;
    require_map(incremental.value, incremental.value, "incremental", "a mapping of table: column");
    for (const Entry& entry : entries(incremental.value, "incremental")) {
      profile_.incremental[entry.key] = text(entry, child("incremental", entry.key));
    }
  }

  // A table key is a name as SQL writes it (catalog::parse_qualified_name, bare parts kept as
  // written): `public."a""b; drop table x"` is the table a"b; drop table x in public (M8).
  void check_table_key(const Entry& table) const {
    if (!catalog::parse_qualified_name(table.key, false)) {
      fail(table.key_node, fmt::format("'{}' is not a table name", table.key),
           "write table or schema.table; put a part that holds dots or double quotes in double "
           "quotes, doubling the quotes inside: public.\"a\"\"b\"");
    }
  }

  void parse_rules(const YAML::Node& list, const std::string& table, const std::string& path) {
    if (!list.IsSequence()) fail(list, fmt::format("{} must be a list of rules", path));
    std::size_t index = 0;
    for (const auto& node : list) {
      parse_rule(node, table, fmt::format("{}[{}]", path, index++));
    }
  }

  void parse_rule(const YAML::Node& node, const std::string& table, const std::string& path) {
    require_map(node, node, path, "a mapping {column: c, strategy: s}");
    std::optional<Entry> column;
    std::optional<Entry> strategy;
    std::optional<std::string> rule_seed;
    std::map<std::string, std::string> rule_options;
    for (const Entry& entry : entries(node, path)) {
      const std::string field_path = child(path, entry.key);
      if (entry.key == "column") {
        text(entry, field_path);
        column = entry;
      } else if (entry.key == "strategy") {
        text(entry, field_path);
        strategy = entry;
      } else if (entry.key == "seed") {
        rule_seed = seed(entry, field_path);
      } else if (entry.key == "options") {
        rule_options = options(entry, field_path);
      } else {
        fail(entry.key_node, fmt::format("unknown key '{}' in {}", entry.key, path),
             "a rule has `column:`, `strategy:`, `seed:` and `options:`");
      }
    }
    if (!column) fail(node, fmt::format("{} has no `column:`", path));
    if (!strategy) fail(node, fmt::format("{} has no `strategy:`", path));

    ColumnRule rule;
    rule.table = table;
    rule.column = column->value.Scalar();
    rule.spec = resolve(strategy->value, fmt::format("{}.strategy", path));
    for (auto& [key, value] : rule_options) rule.spec.options[key] = std::move(value);
    if (rule_seed) {
      rule.spec.seed = *rule_seed;
    } else if (global_seed_) {
      rule.spec.seed = *global_seed_;
    }
    rule.origin = fmt::format("{}:{}", shown_, at(node).line);

    const auto [first, inserted] =
        seen_.emplace(std::make_pair(rule.table, rule.column), at(column->value).line);
    if (!inserted) {
      fail(
          column->value,
          fmt::format("{}.{} has a rule already (line {})", rule.table, rule.column, first->second),
          "keep one rule per column");
    }
    profile_.rules.push_back(std::move(rule));
  }

  // A name defined under `strategies:` wins; a built-in strategy name is accepted directly too,
  // so a profile needs no `strategies:` entry just to say `strategy: email`.
  StrategySpec resolve(const YAML::Node& node, const std::string& path) const {
    const std::string name = node.Scalar();
    if (const auto it = definitions_.find(name); it != definitions_.end()) return it->second;
    if (find_strategy(name) != nullptr) {
      StrategySpec spec;
      spec.strategy = name;
      return spec;
    }
    std::string hint;
    if (!definitions_.empty()) {
      std::vector<std::string_view> defined;
      for (const auto& [defined_name, definition] : definitions_) defined.push_back(defined_name);
      hint = fmt::format("defined under strategies: {}; ", fmt::join(defined, ", "));
    }
    hint += fmt::format("built-in: {}", built_in_names());
    fail(node,
         fmt::format("{} names strategy '{}', which is neither defined under `strategies:` "
                     "nor built in",
                     path, name),
         std::move(hint));
  }

  Profile& profile_;
  std::string shown_;
  config::EnvLookup lookup_ = no_variables;
  std::vector<std::string> unused_warnings_;  // a profile's repeated keys are errors, not warnings
  mutable config::YamlReader reader_;
  std::optional<std::string> global_seed_;
  std::map<std::string, StrategySpec> definitions_;          // `strategies:`, by name
  std::map<std::pair<std::string, std::string>, int> seen_;  // (table, column) -> line
};

}  // namespace

Profile load_profile(const fs::path& file) {
  Profile profile;
  profile.file = file;
  profile.name = file.stem().string();
  const std::string shown = file.string();
  ProfileParser(profile, shown).parse(read_text(file, shown));
  return profile;
}

}  // namespace confiture::sync
