// The one YAML reader of confiture's files (environments, anonymisation profiles): typed reads
// from a parsed tree, with errors and warnings that name the key path, file and line, and `<<`
// merge keys applied. Every string read goes through ${VAR} expansion, so no key can forget it.
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "confiture/config/env_lookup.hpp"
#include "confiture/report/codes.hpp"
#include "confiture/report/error.hpp"

namespace confiture::config {

struct YamlEntry {
  std::string key;
  std::string path;  // dotted key path for messages, e.g. "build.separators.style"
  YAML::Node key_node;
  YAML::Node value;
  // Where to point at the value: yaml-cpp marks an empty value at the next token, often on the
  // next line, so point at its key instead.
  const YAML::Node& place() const { return value.IsNull() ? key_node : value; }
};

// What a repeated key in one mapping means.
enum class DuplicateKeys {
  kWarnKeepLast,  // PyYAML's reading: the last one wins, with a warning
  kError,         // an error naming both lines (a profile: the first one's rules would be lost)
};

// How one kind of file is read: the error codes of the reader's own errors and the rule for
// repeated keys. With kError, an empty key is an error too.
struct YamlRules {
  const char* syntax_code = codes::kConfigYamlSyntax;  // the text is not YAML
  const char* shape_code =
      codes::kConfigInvalidValue;  // a key that is not text, a merge of a non-mapping
  DuplicateKeys duplicates = DuplicateKeys::kWarnKeepLast;
};

class YamlReader {
 public:
  YamlReader(std::string file, const EnvLookup& env, std::vector<std::string>& warnings,
             YamlRules rules = {})
      : file_(std::move(file)), env_(env), warnings_(warnings), rules_(rules) {}

  // Parses `text`; syntax errors become rules.syntax_code at the 1-based line and column.
  YAML::Node parse(const std::string& text) const;

  SourceLocation at(const YAML::Node& node) const;

  // The entries of a mapping in file order. `<<` merge keys are applied (PyYAML does, yaml-cpp
  // does not) and never override a key written in the mapping itself; a repeated key is handled
  // as rules.duplicates says.
  std::vector<YamlEntry> entries(const YAML::Node& map, std::string_view path);

  std::string read_string(const YAML::Node& node, std::string_view path) const;
  bool read_bool(const YAML::Node& node, std::string_view path) const;
  int read_int(const YAML::Node& node, std::string_view path, int min_value) const;
  std::vector<std::string> read_string_list(const YAML::Node& node, std::string_view path) const;
  void require_map(const YAML::Node& node, std::string_view path) const;
  void require_list(const YAML::Node& node, std::string_view path) const;

  [[noreturn]] void fail(const char* code, const YAML::Node& node, const std::string& message,
                         std::string hint = {}) const;
  // An unknown key: a warning, with "did you mean 'X'?" when one of `known` (the keys of that
  // mapping) is a likely misspelling of it. When that key is one of `guarded` (a key that
  // changes what a command writes, or where), the misspelling is error CONFIG_030 instead:
  // ignoring `protectd: true` would leave production unguarded.
  void warn_unknown(const YamlEntry& entry, const std::vector<std::string_view>& known = {},
                    const std::vector<std::string_view>& guarded = {});
  void notice(const YamlEntry& entry, std::string_view why);
  void warn(const YAML::Node& node, const std::string& message);

  const std::string& file() const { return file_; }

  // Guarded keys with the one path where they mean something ({"protected", "protected"},
  // {"tracking_table", "migration.tracking_table"}): an unknown key anywhere else that is (close
  // to) one of them is CONFIG_030 too, naming the right path.
  void set_misplaced_guarded(std::vector<std::pair<std::string_view, std::string_view>> keys) {
    misplaced_guarded_ = std::move(keys);
  }

 private:
  std::vector<std::pair<std::string_view, std::string_view>> misplaced_guarded_;
  std::string file_;
  const EnvLookup& env_;
  std::vector<std::string>& warnings_;
  YamlRules rules_;
};

}  // namespace confiture::config
